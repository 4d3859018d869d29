package io.cutroom.color;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Automatic white balance that corrects only as far as the picture's own evidence allows.
 *
 * <p>The estimate is the bright patch (the brightest 1% of usable pixels, {@link IlluminantCues#brightPatch}):
 * highlights are the surfaces most often lit straight by the light and most often white. It is then confined
 * to the lights that exist ({@link LightLocus#confine}): no estimate outside the black-body band is ever used.
 * How far the correction goes is decided by {@link NeutralEvidence}: the point on the way to that light where
 * the most of the picture turns grey. A balanced picture's greys are grey already, so it stays; a colourful
 * scene with nothing grey in it (a flower, a sunset, a forest) gives no reason to move. A picture that is all
 * one colour (a flat frame, a sepia film) is left alone too: there the surface's colour cannot be told from
 * the light's. A correction that the shipped {@link CorrectionReliability} finds more likely to harm than to help
 * is then dropped: that model learned, from pictures whose light is known, which shapes of evidence can be
 * trusted. Last, no channel's gain is more than {@link #MAX_CHANNEL_GAIN}, or less than its inverse.
 *
 * <p>Grey world and shades of grey are witnesses: when they disagree with the estimate, the strength is
 * scaled down ({@link Settings#heedWitnesses}). On colourful animation with a few pale highlights (a bird
 * against a lilac sky) they are what keeps a balanced frame from being moved. Grey edge and max-RGB are
 * computed but not heeded: under a strong cast in 8 bits they break (the blue channel is a few codes deep and
 * the red one clips), and when they were heeded, three tungsten scenes of the INTEL-TAU sample were left
 * uncorrected.
 */
public final class WhiteBalanceEstimator {
    /**
     * No channel's gain is more than this, or less than its inverse, with the gains scaled so a grey keeps its
     * luminance (as they are stored and reported). A 2700 K light is taken out with gains of 0.39, 0.89 and
     * 3.90; the warmest black body taken out in full is about 2650 K. Largest over smallest, those 2700 K
     * gains are 9.9 apart, so a limit of 4 on that ratio would leave any light under 3450 K partly in. See
     * docs/decisions/white-balance-gain-limit.md.
     */
    public static final double MAX_CHANNEL_GAIN = 4;
    /** A light within this angle of neutral is reported as "already neutral". */
    public static final double NEUTRAL_DEG = 1.0;
    /**
     * Colour spread ({@link IlluminantCues#colourSpread}) up to which a picture counts as one colour and is
     * left alone, and from which the cues are trusted in full.
     */
    static final double ONE_COLOUR_SPREAD = 0.03;
    static final double VARIED_SPREAD = 0.10;
    /**
     * The cues whose disagreement with the estimate counts against it (see the class comment). The bright
     * patch is among them: it differs from the estimate when it had to be moved into the band.
     */
    static final List<String> WITNESSES = List.of(IlluminantCues.GREY_WORLD, IlluminantCues.SHADES_OF_GREY,
            IlluminantCues.BRIGHT_PATCH);
    /** RMS angle (degrees) between the witnesses and the estimate up to which it is trusted in full, and where not at all. */
    static final double SPREAD_SURE = 6.0;
    static final double SPREAD_LOST = 14.0;
    /**
     * How far (log chromaticity) the bright patch may lie outside the band of real lights before it is not
     * believed at all; the strength fades linearly to none there. Highlights that far from any light are the
     * scene's own colour: sunlit yellow grass under a fading title measured 0.96 outside, and its move to the
     * band's edge added 13.8° to a balanced frame. The bright patch is a witness too, but its angle to the band
     * can stay small while it lies far outside in log chromaticity: without this rule a yellow flower's photo was
     * moved 3.7°. On the INTEL-TAU sample the figures moved by 0.02° at most.
     */
    static final double FAR_OUTSIDE = 0.3;

    /**
     * The constants {@code eval color} may choose among, per fold; the defaults are what ships. The gain limit
     * is a rule, not a tuned constant: the evaluation lifts it only to show what it costs.
     *
     * @param heedWitnesses whether the witnesses' spread around the estimate ({@link WhiteBalanceEstimator#spread})
     *                      scales the strength down (from
     *                      {@link WhiteBalanceEstimator#SPREAD_SURE} to none at {@link WhiteBalanceEstimator#SPREAD_LOST})
     */
    public record Settings(double brightShare, double greyRadius, double setAside, boolean heedWitnesses, double maxChannelGain) {
        public static final Settings DEFAULT = new Settings(IlluminantCues.BRIGHT_SHARE, NeutralEvidence.GREY_RADIUS,
                NeutralEvidence.SET_ASIDE, true, MAX_CHANNEL_GAIN);

        public Settings(double brightShare, double greyRadius, double setAside, boolean heedWitnesses) {
            this(brightShare, greyRadius, setAside, heedWitnesses, MAX_CHANNEL_GAIN);
        }

        public Settings unlimited() {
            return new Settings(brightShare, greyRadius, setAside, heedWitnesses, Double.POSITIVE_INFINITY);
        }

        public static List<Settings> candidates() {
            List<Settings> all = new ArrayList<>();
            for (double share : new double[] {0.005, 0.01, 0.03}) {
                for (double radius : new double[] {0.03, 0.05, 0.08}) {
                    for (double aside : new double[] {0, NeutralEvidence.SET_ASIDE}) {
                        for (boolean heed : new boolean[] {false, true}) {
                            all.add(new Settings(share, radius, aside, heed));
                        }
                    }
                }
            }
            return all;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "bright %.1f%%, grey radius %.2f, brightest %.0f%% set aside, witnesses %s",
                    brightShare * 100, greyRadius, setAside * 100, heedWitnesses ? "heeded" : "reported only");
        }
    }

    private final Settings settings;
    private final CorrectionReliability reliability;

    /** The shipped constants, with the shipped reliability model when the models folder has one. */
    public WhiteBalanceEstimator() {
        this(Settings.DEFAULT, CorrectionReliability.shipped().orElse(null));
    }

    /** These constants, corrections going as far as the evidence alone says (no reliability model). */
    public WhiteBalanceEstimator(Settings settings) {
        this(settings, null);
    }

    /** @param reliability scales each correction's strength by the chance that it helps; null for none */
    public WhiteBalanceEstimator(Settings settings, CorrectionReliability reliability) {
        this.settings = settings;
        this.reliability = reliability;
    }

    /**
     * The estimated light, how far the evidence alone would correct towards it (0 to 1), and what that evidence
     * looked like: what a reliability model is trained on.
     */
    public record Weighing(Illuminant estimate, double strength, CorrectionReliability.Features features) {
    }

    private record Weighed(Weighing weighing, double trust, List<String> cueNames, double spread, NeutralEvidence evidence) {
    }

    public WhiteBalance estimate(LinearImage image) {
        Weighed w = weighed(image);
        if (w == null) {
            return WhiteBalance.NONE;
        }
        Weighing weighing = w.weighing();
        double kept = reliability != null && weighing.strength() > 0 ? reliability.share(weighing.features()) : 1;
        double strength = weighing.strength() * kept;
        double[] uv = weighing.estimate().logChroma();
        double share = w.evidence().greyShare(uv[0] * strength, uv[1] * strength);
        return correction(weighing.estimate(), w.trust(), strength, w.cueNames(), w.spread(), share, kept, settings.maxChannelGain());
    }

    /** The estimate and the evidence's strength, before any reliability model; null when nothing can be measured. */
    public Weighing weigh(LinearImage image) {
        Weighed w = weighed(image);
        return w == null ? null : w.weighing();
    }

    private Weighed weighed(LinearImage image) {
        List<IlluminantCues.Cue> cues = IlluminantCues.all(image, settings.brightShare());
        IlluminantCues.Cue bright = cues.stream().filter(c -> c.name().equals(IlluminantCues.BRIGHT_PATCH)).findFirst().orElse(null);
        if (bright == null) {
            return null;
        }
        Illuminant measured = Illuminant.of(bright.rgb());
        Illuminant estimate = LightLocus.confine(measured);
        double believable = clamp(1 - LightLocus.distanceOutside(measured) / FAR_OUTSIDE);
        double varied = clamp((IlluminantCues.colourSpread(image) - ONE_COLOUR_SPREAD) / (VARIED_SPREAD - ONE_COLOUR_SPREAD));
        NeutralEvidence evidence = new NeutralEvidence(image, settings.greyRadius(), settings.setAside());
        double spread = spread(cues, estimate);
        double agreement = settings.heedWitnesses() ? clamp((SPREAD_LOST - spread) / (SPREAD_LOST - SPREAD_SURE)) : 1;
        double trust = varied * agreement * believable;
        double[] curve = evidence.curve(estimate);
        double strength = trust * NeutralEvidence.bestStrength(curve);
        CorrectionReliability.Features features = CorrectionReliability.Features.of(curve, strength, estimate);
        List<String> names = cues.stream().map(IlluminantCues.Cue::name).toList();
        return new Weighed(new Weighing(estimate, strength, features), trust, names, spread, evidence);
    }

    /** The light a correction of {@code strength} towards {@code estimate} takes out, within the gain limit. */
    public static Illuminant lightTakenOut(Illuminant estimate, double strength) {
        return taken(estimate, strength, MAX_CHANNEL_GAIN);
    }

    private static Illuminant taken(Illuminant estimate, double strength, double maxChannelGain) {
        double[] uv = estimate.logChroma();
        return Illuminant.fromLogChroma(uv[0] * strength, uv[1] * strength).limitedTo(maxChannelGain);
    }

    /**
     * The correction that covers {@code strength} of the way from neutral to {@code estimate} in log
     * chromaticity, with no gain beyond {@link #MAX_CHANNEL_GAIN} or below its inverse.
     */
    static WhiteBalance correction(Illuminant estimate, double confidence, double strength, List<String> cueNames,
                                   double spread, double neutralShare, double reliability) {
        return correction(estimate, confidence, strength, cueNames, spread, neutralShare, reliability, MAX_CHANNEL_GAIN);
    }

    private static WhiteBalance correction(Illuminant estimate, double confidence, double strength, List<String> cueNames,
                                           double spread, double neutralShare, double reliability, double maxChannelGain) {
        return new WhiteBalance(estimate, confidence, strength, taken(estimate, strength, maxChannelGain).correctingGains(),
                cueNames, spread, neutralShare, reliability);
    }

    /** RMS angle between each witness and the estimate, all weighing the same. */
    static double spread(List<IlluminantCues.Cue> cues, Illuminant estimate) {
        double sum = 0;
        int n = 0;
        for (IlluminantCues.Cue cue : cues) {
            if (WITNESSES.contains(cue.name())) {
                double angle = Illuminant.of(cue.rgb()).angleTo(estimate);
                sum += angle * angle;
                n++;
            }
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Grey edge alone (first order, Minkowski 6): the classic estimate benchmarks compare this one's cost with. */
    public static Illuminant greyEdge(LinearImage im) {
        IlluminantCues.Cue edge = IlluminantCues.greyEdge(im);
        return edge == null ? Illuminant.of(new double[] {1, 1, 1}) : Illuminant.of(edge.rgb());
    }
}
