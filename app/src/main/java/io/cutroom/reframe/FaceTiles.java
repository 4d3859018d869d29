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
        SquareTiles tiles = new SquareTiles(pictures, 1);
        List<List<Detection>> found = faces.detect(tiles.images());
        List<List<Detection>> out = tiles.perPicture();
        for (int t = 0; t < found.size(); t++) {
            SquareTiles.Tile tile = tiles.tiles().get(t);
            for (Detection d : found.get(t)) out.get(tile.picture()).add(tiles.onPicture(tile, d));
        }
        return out.stream().map(all -> bestOf(all, SAME_FACE, false)).toList();
    }

    /** Keeps the best of boxes found twice in overlapping tiles (of the same label, when {@code perLabel}). */
    static List<Detection> bestOf(List<Detection> all, double sameOverlap, boolean perLabel) {
        List<Detection> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.stream().noneMatch(k -> (!perLabel || k.label().equals(d.label())) && k.overlap(d) > sameOverlap)) {
                kept.add(d);
            }
        }
        return kept;
    }
}
