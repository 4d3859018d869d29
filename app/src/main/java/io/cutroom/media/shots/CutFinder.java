package io.cutroom.media.shots;

import java.util.ArrayList;
import java.util.List;

/**
 * Hard cuts from a stream of small grey pictures ({@link ShotDetector#ANALYSIS_WIDTH} wide), one call per
 * decoded frame. A cut is a frame whose mean absolute difference from the one before is large in itself and
 * far above the recent level of motion, and whose brightness histogram changed too. The recent level keeps
 * fast pans from counting as cuts; the histogram keeps a subject that jumps across the frame (same colours,
 * new place) from counting. Fed by the shot detector's own pass, or by reframing's, which decodes the clip
 * for its subjects anyway.
 */
public final class CutFinder {
    /** Mean absolute luma difference, in percent of full scale, below which no frame is a cut. */
    static final double MIN_CUT_SCORE = 8.0;
    /** How many times the recent average difference a cut must stand above. */
    static final double CONTRAST_OVER_RECENT = 3.0;
    static final int RECENT_FRAMES = 12;
    /** Half the L1 distance between 32-bin luma histograms (0 same, 1 disjoint) a cut must reach. */
    static final double MIN_HISTOGRAM_CHANGE = 0.25;
    private static final int BINS = 32;
    /** Cuts closer together than this are one cut (a flash, a dissolve's frames, a glitch). */
    static final double MIN_SHOT_SEC = 0.4;

    private final List<Cut> cuts = new ArrayList<>();
    private double previousT = Double.NaN;
    private double lastKeyframe = 0;
    private final double[] recent = new double[RECENT_FRAMES];
    private byte[] previous;
    private int seen;
    private double lastCut = Double.NEGATIVE_INFINITY;

    /**
     * The {@code index}-th cut, found on the frame at {@code at}: its new shot starts on a frame after {@code after},
     * the frame decoded before it, up to {@code at}. The last keyframe up to it is at {@code keyframe} (the cut's own
     * frame when that is one), where decoding the frames between again has to start.
     */
    public record Cut(int index, double at, double after, double keyframe) {
    }

    /**
     * The next decoded frame at {@code t} seconds, as grey bytes (the array may be reused by the caller);
     * true when a new shot starts on it.
     */
    public boolean accept(double t, byte[] grey, boolean keyFrame) {
        if (keyFrame) lastKeyframe = t;
        boolean cut = false;
        if (previous != null && previous.length == grey.length) {
            double score = meanAbsoluteDifference(previous, grey);
            double recentMean = mean(recent, Math.min(seen, RECENT_FRAMES));
            cut = score >= MIN_CUT_SCORE && score >= CONTRAST_OVER_RECENT * Math.max(recentMean, 1.0)
                    && histogramChange(previous, grey) >= MIN_HISTOGRAM_CHANGE
                    && t - lastCut >= MIN_SHOT_SEC;
            if (cut) {
                cuts.add(new Cut(cuts.size(), t, previousT, lastKeyframe));
                lastCut = t;
            } else {
                recent[seen % RECENT_FRAMES] = score; // a cut's jump would hide the next one
                seen++;
            }
        } else {
            previous = new byte[grey.length];
        }
        System.arraycopy(grey, 0, previous, 0, grey.length);
        previousT = t;
        return cut;
    }

    /**
     * The cuts found more than a frame ({@code frameSec}) after the frame decoded before them, so that the new
     * shot may have started on a frame the pass skipped. A cut on a keyframe is taken as exact: encoders that
     * detect scenes start a new shot on one, and x264 did so on every cut of the bench inputs, so settling costs
     * nothing there.
     */
    public List<Cut> unsure(double frameSec) {
        return cuts.stream().filter(c -> c.keyframe() < c.at() && c.at() - c.after() > 1.5 * frameSec).toList();
    }

    /** Moves an unsure cut to the frame its shot really starts on. */
    public void settle(Cut cut, double t) {
        if (!(t > cut.after() && t <= cut.at())) {
            throw new IllegalArgumentException("A cut found at " + cut.at() + " s cannot move to " + t + " s.");
        }
        cuts.set(cut.index(), new Cut(cut.index(), t, cut.after(), cut.keyframe()));
    }

    /** The shots between the cuts found so far, the last one ending at {@code end}. */
    public List<Shot> shots(double end) {
        List<Shot> shots = new ArrayList<>();
        double start = 0;
        for (Cut cut : cuts) {
            shots.add(new Shot(shots.size(), start, cut.at()));
            start = cut.at();
        }
        shots.add(new Shot(shots.size(), start, Math.max(start, end)));
        return shots;
    }

    /** Mean absolute difference of two grey pictures, in percent of full scale. */
    public static double meanAbsoluteDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum * 100.0 / (255.0 * a.length);
    }

    /** Half the L1 distance between the two pictures' luma histograms: 0 when equal, 1 when disjoint. */
    static double histogramChange(byte[] a, byte[] b) {
        int[] ha = new int[BINS];
        int[] hb = new int[BINS];
        for (int i = 0; i < a.length; i++) {
            ha[(a[i] & 0xff) * BINS / 256]++;
            hb[(b[i] & 0xff) * BINS / 256]++;
        }
        long diff = 0;
        for (int bin = 0; bin < BINS; bin++) {
            diff += Math.abs(ha[bin] - hb[bin]);
        }
        return diff / (2.0 * a.length);
    }

    private static double mean(double[] values, int count) {
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }
}
