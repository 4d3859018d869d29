package io.cutroom.color;

import java.util.Arrays;

/**
 * Auto exposure and contrast from luma percentiles. A picture whose log-average luminance lies in the
 * band of normal exposures is left alone (night scenes and bright beaches keep some of their mood, since
 * correction only brings them to the edge of the band). Brightening stops before the 99.5th percentile
 * would clip, and never goes beyond {@link #MAX_EV}. Contrast is raised only for flat pictures, and only as
 * far as the darkest and brightest percent stay inside the range.
 *
 * <p>Two kinds of frame are never moved: one with nothing brighter than noise (black, a fade, a lens cap),
 * where brightening would only lift the noise, and one mostly clipped (a white flash or a blown-out sky),
 * whose true brightness is unknown, so darkening would only turn white into flat grey.
 */
public final class ExposureEstimator {
    /** Normal log-average luminance, linear light (about 0.32 to 0.58 encoded). */
    static final double BAND_LOW = 0.08;
    static final double BAND_HIGH = 0.30;
    static final double MAX_EV = 2.0;
    /** The brightest 0.5% may reach this linear level after brightening, not more. */
    static final double HIGHLIGHT_CEILING = 0.92;
    /** Encoded 1st-to-99th percentile range below which a picture counts as flat, and the range aimed for. */
    static final double FLAT_RANGE = 0.6;
    static final double TARGET_RANGE = 0.75;
    static final double MAX_CONTRAST = 1.3;
    private static final double FLOOR = 1e-4;
    /** Darkening needs at least this share of pixels below clipping to measure the scene by. */
    static final double MIN_UNCLIPPED_SHARE = 0.5;

    public Exposure estimate(LinearImage image) {
        int n = image.r.length;
        float[] lum = new float[n];
        double logSum = 0;
        int unclipped = 0;
        for (int i = 0; i < n; i++) {
            lum[i] = image.luminance(i);
            logSum += Math.log(Math.max(FLOOR, lum[i]));
            unclipped += image.clipped[i] ? 0 : 1;
        }
        Arrays.sort(lum);
        double logAverage = Math.exp(logSum / n);
        double low = lum[(int) Math.floor(0.01 * (n - 1))];
        double high = lum[(int) Math.floor(0.995 * (n - 1))];
        double ev = 0;
        if (logAverage < BAND_LOW && !Exposure.showsNothing(high)) {
            ev = Math.log(BAND_LOW / logAverage) / Math.log(2);
            ev = Math.min(ev, Math.log(HIGHLIGHT_CEILING / Math.max(high, FLOOR)) / Math.log(2));
            ev = Math.max(0, ev);
        } else if (logAverage > BAND_HIGH && unclipped >= MIN_UNCLIPPED_SHARE * n) {
            ev = Math.log(BAND_HIGH / logAverage) / Math.log(2);
        }
        ev = Math.max(-MAX_EV, Math.min(MAX_EV, ev));
        double gain = Math.pow(2, ev);
        double lowEncoded = Math.pow(Math.min(1, low * gain), 1 / 2.2);
        double highEncoded = Math.pow(Math.min(1, lum[(int) Math.floor(0.99 * (n - 1))] * gain), 1 / 2.2);
        double range = highEncoded - lowEncoded;
        double contrast = 1;
        if (range > 0.05 && range < FLAT_RANGE) {
            contrast = Math.min(MAX_CONTRAST, TARGET_RANGE / range);
            // Keep the darkest and brightest percent inside 0..1 around middle grey.
            if (lowEncoded < 0.5) {
                contrast = Math.min(contrast, 0.5 / (0.5 - lowEncoded));
            }
            if (highEncoded > 0.5) {
                contrast = Math.min(contrast, 0.5 / (highEncoded - 0.5));
            }
            contrast = Math.max(1, contrast);
        }
        return new Exposure(round(ev), round(contrast), logAverage, low, high);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
