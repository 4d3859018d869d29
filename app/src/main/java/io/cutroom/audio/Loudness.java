package io.cutroom.audio;

import java.io.Serializable;

/**
 * A programme's loudness as EBU R128 defines it: integrated loudness in LUFS (gated, over the whole
 * programme) and the true peak in dBTP (4x oversampled). Silence measures as negative infinity.
 */
public record Loudness(double integratedLufs, double truePeakDbtp) implements Serializable {

    /** The gain that brings this programme to {@code targetLufs} without its true peak passing {@code ceilingDbtp}. */
    public double gainDbFor(double targetLufs, double ceilingDbtp) {
        if (Double.isInfinite(integratedLufs)) {
            return 0; // silence stays silent
        }
        double gain = targetLufs - integratedLufs;
        return Math.min(gain, ceilingDbtp - truePeakDbtp);
    }
}
