package io.cutroom.reframe;

import io.cutroom.vision.Detection;
import io.cutroom.vision.FaceDetector;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * BlazeFace sees a square (192 pixels for framing, {@code VisionModels.framingFaces}): a whole 16:9 frame
 * squeezed into it leaves a person's face a few pixels high. Overlapping square tiles (two across 16:9,
 * three across wider frames) give faces about twice the pixels, for a network that costs a few milliseconds
 * a tile; duplicates from the overlaps are merged.
 */
final class FaceTiles {
    static final double SAME_FACE = 0.3;

    private FaceTiles() {
    }

    static List<List<Detection>> detect(FaceDetector faces, List<BufferedImage> pictures) {
        List<BufferedImage> tiles = new ArrayList<>();
        List<int[]> where = new ArrayList<>(); // picture index, tile x, tile y, side
        for (int i = 0; i < pictures.size(); i++) {
            BufferedImage p = pictures.get(i);
            int side = Math.min(p.getWidth(), p.getHeight());
            int longSide = Math.max(p.getWidth(), p.getHeight());
            int count = longSide <= side * 1.2 ? 1 : longSide <= side * 1.8 ? 2 : 3;
            for (int k = 0; k < count; k++) {
                int offset = count == 1 ? 0 : (longSide - side) * k / (count - 1);
                int x = p.getWidth() >= p.getHeight() ? offset : 0;
                int y = p.getWidth() >= p.getHeight() ? 0 : offset;
                tiles.add(p.getSubimage(x, y, side, side));
                where.add(new int[] {i, x, y, side});
            }
        }
        List<List<Detection>> found = faces.detect(tiles);
        List<List<Detection>> out = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) out.add(new ArrayList<>());
        for (int t = 0; t < tiles.size(); t++) {
            int[] w = where.get(t);
            BufferedImage p = pictures.get(w[0]);
            double pw = p.getWidth(), ph = p.getHeight();
            for (Detection d : found.get(t)) {
                out.get(w[0]).add(new Detection(d.label(), d.score(), (float) ((w[1] + d.x() * w[3]) / pw),
                        (float) ((w[2] + d.y() * w[3]) / ph), (float) (d.width() * w[3] / pw), (float) (d.height() * w[3] / ph)));
            }
        }
        return out.stream().map(FaceTiles::merge).toList();
    }

    /** Keeps the best of faces found twice in overlapping tiles. */
    private static List<Detection> merge(List<Detection> all) {
        List<Detection> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.stream().noneMatch(k -> k.overlap(d) > SAME_FACE)) kept.add(d);
        }
        return kept;
    }
}
