package io.cutroom.eval.color;

import io.cutroom.color.Illuminant;
import io.cutroom.color.IlluminantCues;
import io.cutroom.color.LinearImage;

/**
 * How far a corrected picture's colour still is from the original's: the per-channel ratio of their
 * linear light, summed over pixels usable in both, as an angle from neutral. It needs only the two
 * pictures, so any correction (Cutroom's or an FFmpeg filter's) is measured the same way.
 */
public final class CastResidual {
    private CastResidual() {
    }

    public static double degrees(LinearImage original, LinearImage corrected) {
        if (original.width != corrected.width || original.height != corrected.height) {
            throw new IllegalArgumentException("The pictures differ in size: " + original.width + "x" + original.height
                    + " and " + corrected.width + "x" + corrected.height + ".");
        }
        double[] before = new double[3];
        double[] after = new double[3];
        for (int i = 0; i < original.r.length; i++) {
            if (!IlluminantCues.usable(original, i) || !IlluminantCues.usable(corrected, i)) {
                continue;
            }
            before[0] += original.r[i];
            before[1] += original.g[i];
            before[2] += original.b[i];
            after[0] += corrected.r[i];
            after[1] += corrected.g[i];
            after[2] += corrected.b[i];
        }
        if (before[0] <= 0 || before[1] <= 0 || before[2] <= 0) {
            return Double.NaN;
        }
        double[] ratio = {after[0] / before[0], after[1] / before[1], after[2] / before[2]};
        return Illuminant.angleDegrees(ratio, new double[] {1, 1, 1});
    }

    /**
     * What a correction did to each channel: the corrected picture's linear sum over the input's, over pixels
     * usable in both. For a filter that does not say its gains (FFmpeg's), these are its gains.
     */
    public static double[] channelRatios(LinearImage input, LinearImage corrected) {
        double[] before = new double[3];
        double[] after = new double[3];
        for (int i = 0; i < input.r.length; i++) {
            if (IlluminantCues.usable(input, i) && IlluminantCues.usable(corrected, i)) {
                before[0] += input.r[i];
                before[1] += input.g[i];
                before[2] += input.b[i];
                after[0] += corrected.r[i];
                after[1] += corrected.g[i];
                after[2] += corrected.b[i];
            }
        }
        return new double[] {after[0] / Math.max(1e-12, before[0]), after[1] / Math.max(1e-12, before[1]),
                after[2] / Math.max(1e-12, before[2])};
    }
}
