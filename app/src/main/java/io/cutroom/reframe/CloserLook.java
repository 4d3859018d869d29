package io.cutroom.reframe;

import io.cutroom.vision.Detection;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ObjectDetector;
import io.cutroom.vision.VisionModels;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * CenterNet sees a whole 16:9 analysis picture at 320 pixels, where a cat or a cow a fifth of the frame wide
 * is some 60 pixels and is often not found at all: a still animal is then nothing the window knows of, and no
 * motion gives it away. Where a look found nothing it is sure of, the same picture is looked at again as
 * three overlapping squares, each at 320 pixels (about twice the detail). The first look of every shot is
 * always looked at closer too: the camera plan knows the whole shot, and a subject found only halfway
 * through a still shot would move a window that could have held it from the start. The closer look costs
 * four times a look, so it is otherwise done at most every {@link #EVERY_SEC} seconds in a shot; the trackers
 * carry what it found in between.
 */
final class CloserLook {
    /** A person, animal or object found at least this surely makes a closer look unnecessary. */
    static final double SURE = 0.5;
    static final double EVERY_SEC = 4.0;
    /** Tiles overlapping by more than a third of a tile, so that a subject that size lies wholly in one. */
    static final int TILES = 3;
    /** A box this close (in tile widths) to a tile's edge inside the picture is cut by it: its neighbour sees it whole. */
    static final double CUT_EDGE = 0.02;
    static final double SAME_BOX = 0.5;

    private final VisionModels models;
    private double lastLook = Double.NEGATIVE_INFINITY;

    CloserLook(VisionModels models) {
        this.models = models;
    }

    /**
     * {@code found} with what closer looks added, for the runs ({@code runTimes}, on {@code runPictures}) that
     * start a shot ({@code shotStarts}) or found nothing sure.
     */
    List<List<Detection>> add(List<List<Detection>> found, List<BufferedImage> runPictures, List<Double> runTimes,
                              List<Boolean> shotStarts) throws ModelException {
        List<Integer> closer = new ArrayList<>();
        for (int r = 0; r < found.size(); r++) {
            boolean sure = found.get(r).stream().anyMatch(d -> d.score() >= SURE);
            if (shotStarts.get(r) || (!sure && runTimes.get(r) - lastLook >= EVERY_SEC - 1e-6)) {
                lastLook = runTimes.get(r);
                closer.add(r);
            }
        }
        if (closer.isEmpty()) return found;
        List<BufferedImage> pictures = closer.stream().map(runPictures::get).toList();
        SquareTiles tiles = new SquareTiles(pictures, TILES);
        ObjectDetector detector = models.objectsFor(tiles.images().get(0), VisionModels.FRAMING_OBJECT_SIZE);
        List<List<Detection>> onTiles = detector.detect(tiles.images());
        List<List<Detection>> extra = tiles.perPicture();
        for (int t = 0; t < onTiles.size(); t++) {
            SquareTiles.Tile tile = tiles.tiles().get(t);
            for (Detection d : onTiles.get(t)) {
                if (!tile.cutsInto(d, tiles.pictureOf(tile), CUT_EDGE)) extra.get(tile.picture()).add(tiles.onPicture(tile, d));
            }
        }
        List<List<Detection>> out = new ArrayList<>(found);
        for (int k = 0; k < closer.size(); k++) {
            List<Detection> all = new ArrayList<>(found.get(closer.get(k)));
            all.addAll(extra.get(k));
            out.set(closer.get(k), FaceTiles.bestOf(all, SAME_BOX, true));
        }
        return out;
    }
}
