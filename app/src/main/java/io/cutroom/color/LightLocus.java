package io.cutroom.color;

/**
 * Where real lights sit, in log-chromaticity (log r/g, log b/g) relative to daylight: along the
 * black-body locus from candle-warm (2000 K) to deep shade (12000 K), with a narrow green-magenta band
 * for fluorescent and LED lights. An estimate outside this band is no light that exists: it is more
 * likely the scene's own colour, so it is moved to the nearest light inside the band before it is used.
 */
final class LightLocus {
    static final double WARMEST_K = 2000;
    static final double COOLEST_K = 12000;
    /**
     * Green-magenta distance (log units) still counted as on the locus. A fluorescent tube's green or a
     * cheap LED's magenta sits within about 0.12 of it; 0.15 leaves room for the estimate's own noise.
     */
    static final double TINT_BAND = 0.15;
    private static final int STEPS = 160;
    private static final double[][] POINTS = new double[STEPS + 1][];

    static {
        double[] daylight = ColorCast.planckianRgb(6504);
        double warm = 1e6 / WARMEST_K;
        double cool = 1e6 / COOLEST_K;
        for (int s = 0; s <= STEPS; s++) {
            double[] rgb = ColorCast.planckianRgb(1e6 / (cool + (warm - cool) * s / STEPS));
            double g = rgb[1] / daylight[1];
            POINTS[s] = new double[] {Math.log(rgb[0] / daylight[0] / g), Math.log(rgb[2] / daylight[2] / g)};
        }
    }

    private LightLocus() {
    }

    /** How far (log units) a light lies outside the band around the locus; 0 inside it. */
    static double distanceOutside(Illuminant light) {
        double[] uv = light.logChroma();
        double[] p = nearest(uv);
        return Math.max(0, Math.hypot(uv[0] - p[0], uv[1] - p[1]) - TINT_BAND);
    }

    /** The light itself when it lies in the band, otherwise the nearest light on the band's edge. */
    static Illuminant confine(Illuminant light) {
        double[] uv = light.logChroma();
        double[] p = nearest(uv);
        double d = Math.hypot(uv[0] - p[0], uv[1] - p[1]);
        if (d <= TINT_BAND) {
            return light;
        }
        double keep = TINT_BAND / d;
        return Illuminant.fromLogChroma(p[0] + (uv[0] - p[0]) * keep, p[1] + (uv[1] - p[1]) * keep);
    }

    private static double[] nearest(double[] uv) {
        double best = Double.MAX_VALUE;
        double[] at = POINTS[0];
        for (double[] p : POINTS) {
            double d = (uv[0] - p[0]) * (uv[0] - p[0]) + (uv[1] - p[1]) * (uv[1] - p[1]);
            if (d < best) {
                best = d;
                at = p;
            }
        }
        return at;
    }
}
