package io.cutroom.color;

import java.io.Serializable;
import java.util.List;

/**
 * What auto white balance concluded for a picture or shot: the light it estimated, how sure it is (0..1),
 * the share of the full correction it applies, and the resulting linear gains (luminance-preserving).
 * {@code reliability} is the share of the evidence's correction the learned reliability kept
 * ({@link CorrectionReliability#share}): 1 when it kept all of it or there is no model, 0 when it dropped it.
 */
public record WhiteBalance(Illuminant estimate, double confidence, double strength, double[] gains, List<String> cues,
                           double cueSpreadDeg, double neutralShare, double reliability)
        implements Serializable {
    public static final WhiteBalance NONE = new WhiteBalance(Illuminant.NEUTRAL, 0, 0, new double[] {1, 1, 1}, List.of(), 0, 0, 1);
}
