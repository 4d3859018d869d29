package io.cutroom.color;

import java.io.Serializable;

/**
 * What auto exposure concluded: a change in EV and a contrast factor (around middle grey, as the grade
 * applies it), with the luma facts they came from (linear light: log-average, and the 1st and 99.5th
 * percentiles).
 */
public record Exposure(double ev, double contrast, double logAverage, double low, double high)
        implements Serializable {
    public static final Exposure NONE = new Exposure(0, 1, 0.18, 0, 1);
    /** A 1st percentile above this linear level (about 243 of 255) means the whole frame is blown out. */
    static final double BLOWN_OUT = 0.9;

    /** Nothing in the frame is brighter than noise: black, a fade, a lens cap. */
    public boolean showsNothing() {
        return showsNothing(high);
    }

    /** The same test on the brightest 0.5% alone, for the estimator before the record exists. */
    static boolean showsNothing(double high) {
        return high < IlluminantCues.DARK;
    }

    /** Nearly the whole frame is at clipping (a white flash): its true brightness is unknown. */
    public boolean blownOut() {
        return low > BLOWN_OUT;
    }
}
