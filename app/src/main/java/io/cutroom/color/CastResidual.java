package io.cutroom.color;

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
}
