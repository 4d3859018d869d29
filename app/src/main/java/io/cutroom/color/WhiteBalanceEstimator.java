package io.cutroom.color;

import java.util.ArrayList;
import java.util.List;

/**
 * Automatic white balance that corrects only as far as the evidence allows.
 *
 * <p>The estimate is the bright patch (the brightest usable pixels, {@link IlluminantCues#brightPatch}):
 * highlights are the surfaces most often lit straight by the light and most often white. Measured with
 * {@code cutroom eval color}, it beat every blend of cues tried (grey world, shades of grey, grey edge,
 * near-neutral pixels). The other cues serve as witnesses: where they disagree with the bright patch (on
 * a sunset or a forest, grey world sees the scene's colour), the correction shrinks toward none, and it
 * shrinks too when the estimate is no colour a real light has ({@link LightLocus}), and when the picture
 * is all one colour (a flat frame, a sepia film), where the cues agree only because they all see the
 * same thing and the surface's colour cannot be told from the light's. A small estimated
 * cast is left alone (a dead zone), so good footage is not nudged by noise in the estimate; a large one is
 * taken out whole.
 */
public final class WhiteBalanceEstimator {
    /** Casts smaller than this many degrees are treated as balanced. */
    public static final double DEAD_ZONE_DEG = 1.0;
    /**
     * Past the dead zone the correction fades in over this many degrees, then takes the whole cast out.
     * Taking out all but the dead zone's worth instead (the correction scaled by (cast - 1°) / cast) left a
     * cast behind that grew with the cast in log chromaticity: 1.6° after a 2700 K light. Measured with
     * {@code eval color}: the portrait under casts came back within 1.8° (median) instead of 2.8°.
     */
    static final double FADE_IN_DEG = 3.0;
    /** RMS angle (degrees) between the witnesses and the estimate up to which confidence is full, and where it is lost. */
    static final double SPREAD_SURE = 6.0;
    static final double SPREAD_LOST = 14.0;
    /** Log-chromaticity distance outside the locus band at which confidence reaches zero. */
    static final double OFF_LOCUS_LOST = 0.3;
    /**
     * Colour spread ({@link IlluminantCues#colourSpread}) up to which a picture counts as one colour and is
     * left alone, and from which the cues are trusted in full.
     */
    static final double ONE_COLOUR_SPREAD = 0.03;
    static final double VARIED_SPREAD = 0.10;
    /** A pixel within this angle of grey, once the estimate is taken out, counts as neutral (reported, not used). */
    static final double NEUTRAL_ANGLE = 4.0;

    public WhiteBalance estimate(LinearImage image) {
        List<IlluminantCues.Cue> cues = IlluminantCues.all(image);
        IlluminantCues.Cue bright = cues.stream().filter(c -> c.name().equals(IlluminantCues.BRIGHT_PATCH)).findFirst().orElse(null);
        if (bright == null) {
            return WhiteBalance.NONE;
        }
        Illuminant estimate = Illuminant.of(bright.rgb());
        double spread = spread(cues, estimate);
        IlluminantCues.Cue neutral = IlluminantCues.nearNeutral(image, estimate, NEUTRAL_ANGLE);
        List<String> names = new ArrayList<>(cues.stream().map(IlluminantCues.Cue::name).toList());
        double share = 0;
        if (neutral != null) {
            names.add(neutral.name());
            share = neutral.samples() / (double) bright.samples() * IlluminantCues.BRIGHT_SHARE;
        }
        double agreement = clamp((SPREAD_LOST - spread) / (SPREAD_LOST - SPREAD_SURE));
        double plausible = clamp(1 - LightLocus.distanceOutside(estimate) / OFF_LOCUS_LOST);
        double varied = clamp((IlluminantCues.colourSpread(image) - ONE_COLOUR_SPREAD) / (VARIED_SPREAD - ONE_COLOUR_SPREAD));
        return correction(estimate, agreement * plausible * varied, names, spread, share);
    }

    /** Applies the dead zone, its fade-in and the confidence: the correction covers {@code strength} of the way to neutral. */
    static WhiteBalance correction(Illuminant estimate, double confidence, List<String> cueNames, double spread,
                                   double neutralShare) {
        double cast = estimate.angleFromNeutral();
        double strength = confidence * clamp((cast - DEAD_ZONE_DEG) / FADE_IN_DEG);
        double[] uv = estimate.logChroma();
        Illuminant taken = Illuminant.fromLogChroma(uv[0] * strength, uv[1] * strength);
        return new WhiteBalance(estimate, confidence, strength, taken.correctingGains(), cueNames, spread, neutralShare);
    }

    /** RMS angle between each cue and the estimate, all cues weighing the same. */
    static double spread(List<IlluminantCues.Cue> cues, Illuminant estimate) {
        double sum = 0;
        for (IlluminantCues.Cue cue : cues) {
            double angle = Illuminant.of(cue.rgb()).angleTo(estimate);
            sum += angle * angle;
        }
        return Math.sqrt(sum / cues.size());
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
