package io.cutroom.color;

/**
 * Where real lights sit, in log-chromaticity (log r/g, log b/g) relative to daylight: along the
 * black-body locus from candle-warm to deep shade, with some green-magenta spread (fluorescent and LED
 * lights). An estimate far from this band is more likely the scene's own colour than the light's.
 */
final class LightLocus {
    static final double WARMEST_K = 2000;
    static final double COOLEST_K = 20000;
    /** Green-magenta distance (log units) still counted as on the locus. */
    static final double TINT_BAND = 0.15;
    private static final int STEPS = 120;
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
        double best = Double.MAX_VALUE;
        for (double[] p : POINTS) {
            double du = uv[0] - p[0];
            double dv = uv[1] - p[1];
            best = Math.min(best, Math.sqrt(du * du + dv * dv));
        }
        return Math.max(0, best - TINT_BAND);
    }
}
