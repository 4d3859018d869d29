package io.cutroom.color;

import java.awt.image.BufferedImage;

/**
 * The eyedropper: the editor points at something that should be grey, and its colour is taken as the
 * light's. A small area is averaged in linear light, so noise and a stray pixel do not decide it; pixels at
 * the top of the range are skipped (a blown-out white shows the sensor's limit, not the light). The light
 * found is held to the same rules as auto colour's: a light that exists, gains within
 * {@link WhiteBalanceEstimator#MAX_CHANNEL_GAIN}.
 */
public final class NeutralPick {
    /** The area's radius as a share of the picture's shorter side: a small patch, as a dragged box would be. */
    public static final double RADIUS_SHARE = 0.015;
    /** An area darker than this (linear) shows noise rather than light. */
    static final double DARKEST = 0.002;

    private NeutralPick() {
    }

    /** Gains that make the area around (x, y) (fractions of the width and height) grey, keeping its brightness. */
    public static double[] gainsAt(BufferedImage picture, double x, double y) {
        return gainsAround(picture, (int) Math.round(x * (picture.getWidth() - 1)), (int) Math.round(y * (picture.getHeight() - 1)));
    }

    /** Gains that make the small area around the pixel (x, y) grey, keeping its brightness. */
    public static double[] gainsAround(BufferedImage picture, int x, int y) {
        int radius = Math.max(2, (int) Math.round(RADIUS_SHARE * Math.min(picture.getWidth(), picture.getHeight())));
        return gainsIn(picture, x - radius, y - radius, x + radius, y + radius);
    }

    /** Gains that make the mean of the box from (x0, y0) to (x1, y1), in pixels and inclusive, grey. */
    public static double[] gainsIn(BufferedImage picture, int x0, int y0, int x1, int y1) {
        double[] sum = new double[3];
        int n = 0;
        for (int y = Math.max(0, Math.min(y0, y1)); y <= Math.min(picture.getHeight() - 1, Math.max(y0, y1)); y++) {
            for (int x = Math.max(0, Math.min(x0, x1)); x <= Math.min(picture.getWidth() - 1, Math.max(x0, x1)); x++) {
                int p = picture.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                if (r >= LinearImage.CLIP_LEVEL || g >= LinearImage.CLIP_LEVEL || b >= LinearImage.CLIP_LEVEL) {
                    continue;
                }
                sum[0] += LinearImage.toLinear(r);
                sum[1] += LinearImage.toLinear(g);
                sum[2] += LinearImage.toLinear(b);
                n++;
            }
        }
        if (n == 0 || Math.min(sum[0], Math.min(sum[1], sum[2])) / n < DARKEST) {
            throw new IllegalArgumentException("The picked area is too dark or blown out to show the light's colour;"
                    + " pick a grey or white surface that is neither black nor clipped.");
        }
        return LightLocus.confine(Illuminant.of(sum)).limitedTo(WhiteBalanceEstimator.MAX_CHANNEL_GAIN).correctingGains();
    }
}
