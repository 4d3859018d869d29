package io.cutroom.reframe;

import io.cutroom.vision.Detection;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.VisionModels;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CenterNet looks at the 480-pixel analysis picture at 320 pixels ({@link VisionModels#FRAMING_OBJECT_SIZE}),
 * where a cat or a cow a fifth of the frame wide is some 60 pixels and is often not found at all: a still animal
 * is then nothing the window knows of, and no motion gives it away. So the same picture is looked at again at
 * its own 480 pixels:
 * <ul>
 *   <li>at a shot's first look, unless it found something surely: the camera plan knows the whole shot, and a
 *   subject found only halfway through a still shot would move a window that could have held it from the start;
 *   <li>later in the shot, where a look found nothing at all, at most every {@link #EVERY_SEC} seconds; the
 *   trackers carry what it found in between.
 * </ul>
 * Three overlapping square tiles at 320 pixels found about as much on the development clips (eval reframe, seeds
 * 4 and 12) and cost twice as much: 0.93 s against 0.42 s for the 7 closer looks of the 30 s bench clip.
 */
final class CloserLook {
    /** A person, animal or object found at least this surely at a shot's first look makes a closer one unnecessary. */
    static final double SURE = 0.5;
    /** Later in a shot, a closer look is taken only where nothing at all scored this much (the subjects' threshold). */
    static final double SEEN = 0.35;
    static final double EVERY_SEC = 4.0;
    /** Boxes of one label overlapping this much, from the two looks, are the same thing. */
    static final double SAME_BOX = 0.5;

    private final VisionModels models;
    private double lastLook = Double.NEGATIVE_INFINITY;
    private int looks;
    private long nanos;

    CloserLook(VisionModels models) {
        this.models = models;
    }

    /**
     * {@code found} with what closer looks added to the runs ({@code runTimes}, on {@code runPictures}) that
     * needed one; {@code shotStarts} marks the runs that start a shot.
     */
    List<List<Detection>> add(List<List<Detection>> found, List<BufferedImage> runPictures, List<Double> runTimes,
                              List<Boolean> shotStarts) throws ModelException {
        List<Integer> closer = new ArrayList<>();
        for (int r = 0; r < found.size(); r++) {
            boolean sure = found.get(r).stream().anyMatch(d -> d.score() >= SURE);
            boolean nothing = found.get(r).stream().allMatch(d -> d.score() < SEEN);
            if (shotStarts.get(r)) lastLook = Double.NEGATIVE_INFINITY;
            boolean due = runTimes.get(r) - lastLook >= EVERY_SEC - 1e-6;
            if (shotStarts.get(r) ? !sure : nothing && due) {
                lastLook = runTimes.get(r);
                closer.add(r);
            }
        }
        if (closer.isEmpty()) return found;
        long start = System.nanoTime();
        looks += closer.size();
        List<BufferedImage> pictures = closer.stream().map(runPictures::get).toList();
        BufferedImage first = pictures.get(0);
        List<List<Detection>> again = models.objectsFor(first, Math.max(first.getWidth(), first.getHeight()))
                .detect(pictures);
        List<List<Detection>> out = new ArrayList<>(found);
        for (int k = 0; k < closer.size(); k++) {
            List<Detection> all = new ArrayList<>(found.get(closer.get(k)));
            all.addAll(again.get(k));
            out.set(closer.get(k), bestOfEach(all));
        }
        nanos += System.nanoTime() - start;
        return out;
    }

    /**
     * The surer of two boxes of the same label on the same place. Animals are the exception: both looks' boxes
     * are kept, and the analysis combines them as it combines the animal classes CenterNet shares one animal
     * among (a still cat over a cartoon frame scored 0.22 at 320 pixels and 0.32 at 480, neither a subject alone).
     */
    private static List<Detection> bestOfEach(List<Detection> all) {
        List<Detection> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean animal = SignalAnalyzer.ANIMALS.contains(d.label());
            if (animal || kept.stream().noneMatch(k -> k.label().equals(d.label()) && k.overlap(d) > SAME_BOX)) kept.add(d);
        }
        return kept;
    }

    /** How many pictures were looked at closer so far. */
    int looks() {
        return looks;
    }

    /** The time the closer looks took so far, in seconds. */
    double seconds() {
        return nanos / 1e9;
    }
}
