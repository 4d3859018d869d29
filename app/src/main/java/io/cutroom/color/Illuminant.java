package io.cutroom.color;

import java.io.Serializable;
import java.util.Locale;

/**
 * A light's colour as linear RGB, normalized so that r + g + b = 1 (so (1/3, 1/3, 1/3) is neutral).
 * Angles between illuminants are the field's measure of white-balance error.
 */
public record Illuminant(double r, double g, double b) implements Serializable {
    public static final Illuminant NEUTRAL = new Illuminant(1, 1, 1);

    public Illuminant {
        double sum = r + g + b;
        if (!(sum > 0) || r < 0 || g < 0 || b < 0) {
            throw new IllegalArgumentException("An illuminant needs three non-negative channels, not "
                    + String.format(Locale.ROOT, "(%g, %g, %g)", r, g, b) + ".");
        }
        r /= sum;
        g /= sum;
        b /= sum;
    }

    public static Illuminant of(double[] rgb) {
        return new Illuminant(rgb[0], rgb[1], rgb[2]);
    }

    public double[] rgb() {
        return new double[] {r, g, b};
    }

    /** The angle in degrees between this light and another, as vectors in RGB. */
    public double angleTo(Illuminant other) {
        return angleDegrees(rgb(), other.rgb());
    }

    public double angleFromNeutral() {
        return angleTo(NEUTRAL);
    }

    /** log(r/g) and log(b/g): the plane where averaging illuminants and shrinking a correction behave evenly. */
    double[] logChroma() {
        return new double[] {Math.log(r / g), Math.log(b / g)};
    }

    static Illuminant fromLogChroma(double u, double v) {
        return new Illuminant(Math.exp(u), 1, Math.exp(v));
    }

    /** The largest channel over the smallest: the ratio of the gains that would turn this light neutral. */
    public double gainRatio() {
        return Math.max(r, Math.max(g, b)) / Math.min(r, Math.min(g, b));
    }

    /**
     * The largest of the gains that would turn this light neutral, or of their inverses: how far any one
     * channel is raised or lowered, with the gains scaled as {@link #correctingGains} scales them (a grey
     * keeps its luminance), as {@code color-image --json} reports them.
     */
    public double largestGain() {
        double largest = 1;
        for (double gain : correctingGains()) {
            largest = Math.max(largest, Math.max(gain, 1 / gain));
        }
        return largest;
    }

    /**
     * This light, or the one on the way from neutral to it where the largest gain ({@link #largestGain})
     * reaches {@code maxGain}. Each gain moves away from 1 steadily along that way, so halving the interval
     * finds the point; the answer is always on the side that keeps within the limit.
     */
    Illuminant limitedTo(double maxGain) {
        if (largestGain() <= maxGain) {
            return this;
        }
        double[] uv = logChroma();
        double within = 0;
        double beyond = 1;
        for (int step = 0; step < 40; step++) {
            double t = (within + beyond) / 2;
            if (fromLogChroma(uv[0] * t, uv[1] * t).largestGain() <= maxGain) {
                within = t;
            } else {
                beyond = t;
            }
        }
        return fromLogChroma(uv[0] * within, uv[1] * within);
    }

    /**
     * Gains that turn this light neutral, scaled so a grey keeps its luminance (Rec.709 weights): a
     * correction then changes colour, not brightness.
     */
    public double[] correctingGains() {
        return gainsTo(NEUTRAL);
    }

    /** Gains that turn this light into {@code target}, scaled so a grey keeps its luminance. */
    public double[] gainsTo(Illuminant target) {
        double[] gains = {target.r / r, target.g / g, target.b / b};
        double luminance = 0.2126 * gains[0] + 0.7152 * gains[1] + 0.0722 * gains[2];
        for (int c = 0; c < 3; c++) {
            gains[c] /= luminance;
        }
        return gains;
    }

    public static double angleDegrees(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int c = 0; c < 3; c++) {
            dot += a[c] * b[c];
            na += a[c] * a[c];
            nb += b[c] * b[c];
        }
        double cos = dot / Math.sqrt(na * nb);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }
}
