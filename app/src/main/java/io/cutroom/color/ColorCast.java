package io.cutroom.color;

import java.util.List;

/**
 * A known colour cast: the linear RGB factors that turn a picture balanced for daylight (6504 K) into
 * the same scene under another light, with an optional green-magenta tint. Factors are scaled so the
 * largest is 1, so applying a cast never clips a highlight.
 */
public record ColorCast(String name, double[] factors) {
    /** sRGB's XYZ-to-linear-RGB matrix (IEC 61966-2-1). */
    private static final double[][] XYZ_TO_RGB = {
        {3.2406, -1.5372, -0.4986}, {-0.9689, 1.8758, 0.0415}, {0.0557, -0.2040, 1.0570}};

    /** The casts {@code cutroom eval color} applies: tungsten to overcast shade, and fluorescent tints. */
    public static List<ColorCast> evaluationSet() {
        return List.of(
                kelvin(2700, 0), kelvin(3200, 0), kelvin(4300, 0), kelvin(5000, 0), kelvin(8000, 0), kelvin(10000, 0),
                kelvin(6504, 0.12), kelvin(6504, -0.12), kelvin(4000, 0.10));
    }

    /** A light of the given colour temperature; tint multiplies green by e^tint (positive is greener). */
    public static ColorCast kelvin(double kelvin, double tint) {
        double[] light = planckianRgb(kelvin);
        double[] daylight = planckianRgb(6504);
        double[] f = {light[0] / daylight[0], light[1] / daylight[1] * Math.exp(tint), light[2] / daylight[2]};
        double max = Math.max(f[0], Math.max(f[1], f[2]));
        for (int c = 0; c < 3; c++) {
            f[c] /= max;
        }
        String name = Math.round(kelvin) + " K" + (tint > 0 ? " green" : tint < 0 ? " magenta" : "");
        return new ColorCast(name, f);
    }

    public Illuminant illuminant() {
        return Illuminant.of(factors);
    }

    /**
     * Linear sRGB of a black body at {@code kelvin}, through the Planckian-locus chromaticity fit of
     * Kim et al. (2002), valid from 1667 K to 25000 K.
     */
    static double[] planckianRgb(double kelvin) {
        double t = Math.max(1667, Math.min(25000, kelvin));
        double x = t <= 4000
                ? -0.2661239e9 / (t * t * t) - 0.2343589e6 / (t * t) + 0.8776956e3 / t + 0.179910
                : -3.0258469e9 / (t * t * t) + 2.1070379e6 / (t * t) + 0.2226347e3 / t + 0.240390;
        double y;
        if (t <= 2222) {
            y = -1.1063814 * x * x * x - 1.34811020 * x * x + 2.18555832 * x - 0.20219683;
        } else if (t <= 4000) {
            y = -0.9549476 * x * x * x - 1.37418593 * x * x + 2.09137015 * x - 0.16748867;
        } else {
            y = 3.0817580 * x * x * x - 5.87338670 * x * x + 3.75112997 * x - 0.37001483;
        }
        double[] xyz = {x / y, 1, (1 - x - y) / y};
        double[] rgb = new double[3];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                rgb[row] += XYZ_TO_RGB[row][col] * xyz[col];
            }
        }
        return rgb;
    }
}
