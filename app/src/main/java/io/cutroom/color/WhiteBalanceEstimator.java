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
 * the light's. Last, no correction's gains differ by more than {@link #MAX_GAIN_RATIO}.
 *
 * <p>The other classic cues (grey world, shades of grey, grey edge, max-RGB) are reported as witnesses: their
 * spread around the estimate tells the editor how much the picture's statistics agree.
 */
public final class WhiteBalanceEstimator {
    /** No correction's largest gain is more than this many times its smallest. */
    public static final double MAX_GAIN_RATIO = 4;
    /** A light within this angle of neutral is reported as "already neutral". */
    public static final double NEUTRAL_DEG = 1.0;
    /**
     * Colour spread ({@link IlluminantCues#colourSpread}) up to which a picture counts as one colour and is
     * left alone, and from which the cues are trusted in full.
     */
    static final double ONE_COLOUR_SPREAD = 0.03;
    static final double VARIED_SPREAD = 0.10;
    /** RMS angle (degrees) between the witnesses and the estimate up to which it is trusted in full, and where not at all. */
    static final double SPREAD_SURE = 6.0;
    static final double SPREAD_LOST = 14.0;

    /**
     * The constants {@code eval color} may choose among, per fold; the defaults are what ships. The gain cap
     * is a rule, not a tuned constant: the evaluation lifts it only to show what it costs.
     */
    public record Settings(double brightShare, double greyRadius, double setAside, double maxGainRatio) {
        public static final Settings DEFAULT = new Settings(IlluminantCues.BRIGHT_SHARE, NeutralEvidence.GREY_RADIUS,
                NeutralEvidence.SET_ASIDE, MAX_GAIN_RATIO);

        public Settings(double brightShare, double greyRadius, double setAside) {
            this(brightShare, greyRadius, setAside, MAX_GAIN_RATIO);
        }

        public Settings uncapped() {
            return new Settings(brightShare, greyRadius, setAside, Double.POSITIVE_INFINITY);
        }

        public static List<Settings> candidates() {
            List<Settings> all = new ArrayList<>();
            for (double share : new double[] {0.005, 0.01, 0.03}) {
                for (double radius : new double[] {0.03, 0.05, 0.08}) {
                    for (double aside : new double[] {0, NeutralEvidence.SET_ASIDE}) {
                        all.add(new Settings(share, radius, aside));
                    }
                }
            }
            return all;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "bright %.1f%%, grey radius %.2f, brightest %.0f%% set aside", brightShare * 100,
                    greyRadius, setAside * 100);
        }
    }

    private final Settings settings;

    public WhiteBalanceEstimator() {
        this(Settings.DEFAULT);
    }

    public WhiteBalanceEstimator(Settings settings) {
        this.settings = settings;
    }

    public WhiteBalance estimate(LinearImage image) {
        List<IlluminantCues.Cue> cues = IlluminantCues.all(image, settings.brightShare());
        IlluminantCues.Cue bright = cues.stream().filter(c -> c.name().equals(IlluminantCues.BRIGHT_PATCH)).findFirst().orElse(null);
        if (bright == null) {
            return WhiteBalance.NONE;
        }
        Illuminant estimate = LightLocus.confine(Illuminant.of(bright.rgb()));
        double varied = clamp((IlluminantCues.colourSpread(image) - ONE_COLOUR_SPREAD) / (VARIED_SPREAD - ONE_COLOUR_SPREAD));
        NeutralEvidence evidence = new NeutralEvidence(image, settings.greyRadius(), settings.setAside());
        double spread = spread(cues, estimate);
        double agreement = clamp((SPREAD_LOST - spread) / (SPREAD_LOST - SPREAD_SURE));
        double strength = varied * agreement * evidence.bestStrength(estimate);
        double[] uv = estimate.logChroma();
        double share = evidence.greyShare(uv[0] * strength, uv[1] * strength);
        List<String> names = cues.stream().map(IlluminantCues.Cue::name).toList();
        return correction(estimate, varied * agreement, strength, names, spread, share, settings.maxGainRatio());
    }

    /**
     * The correction that covers {@code strength} of the way from neutral to {@code estimate} in log
     * chromaticity, with its gains kept within {@link #MAX_GAIN_RATIO}.
     */
    static WhiteBalance correction(Illuminant estimate, double confidence, double strength, List<String> cueNames,
                                   double spread, double neutralShare) {
        return correction(estimate, confidence, strength, cueNames, spread, neutralShare, MAX_GAIN_RATIO);
    }

    private static WhiteBalance correction(Illuminant estimate, double confidence, double strength, List<String> cueNames,
                                           double spread, double neutralShare, double maxGainRatio) {
        double[] uv = estimate.logChroma();
        Illuminant taken = Illuminant.fromLogChroma(uv[0] * strength, uv[1] * strength).limitedTo(maxGainRatio);
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

    /** Grey edge alone (first order, Minkowski 6): the classic estimate benchmarks compare this one's cost with. */
    public static Illuminant greyEdge(LinearImage im) {
        IlluminantCues.Cue edge = IlluminantCues.greyEdge(im);
        return edge == null ? Illuminant.of(new double[] {1, 1, 1}) : Illuminant.of(edge.rgb());
    }
}
