package io.cutroom.reframe;

import io.cutroom.vision.Detection;
import java.awt.image.BufferedImage;

/**
 * Who is talking, from the pictures alone: how much the lower middle of a face (the mouth and jaw)
 * changed since the last analysed moment, beyond how much its upper half (eyes and forehead, which move
 * with the head but do not speak) changed. A nodding or walking head moves both halves alike and scores
 * nothing; a talking mouth scores up to 1.
 */
final class SpeakingMotion {
    /** Grey levels (of 255) of mouth-only change that count as fully talking. */
    static final double FULL_SCALE = 10.0;
    /** At most this much more importance for a face that is talking. */
    static final double MOST_BOOST = 0.5;

    private SpeakingMotion() {
    }

    /** 0 (still or moving as a whole) to 1 (clearly talking); 0 when there is no earlier picture to compare. */
    static double score(BufferedImage previous, BufferedImage current, Detection face) {
        if (previous == null || previous.getWidth() != current.getWidth() || previous.getHeight() != current.getHeight()) {
            return 0;
        }
        double mouth = meanChange(previous, current, face.x() + 0.2 * face.width(), face.y() + 0.6 * face.height(),
                0.6 * face.width(), 0.4 * face.height());
        double upper = meanChange(previous, current, face.x() + 0.2 * face.width(), face.y() + 0.1 * face.height(),
                0.6 * face.width(), 0.35 * face.height());
        return Math.max(0, Math.min(1, (mouth - upper) / FULL_SCALE));
    }

    /** The importance of a face once its talking is counted. */
    static double boosted(double importance, double speaking) {
        return importance * (1 + MOST_BOOST * speaking);
    }

    /** Mean absolute grey difference inside a box given in fractions of the picture. */
    private static double meanChange(BufferedImage a, BufferedImage b, double x, double y, double w, double h) {
        int width = a.getWidth();
        int height = a.getHeight();
        int x0 = clamp((int) Math.floor(x * width), width);
        int y0 = clamp((int) Math.floor(y * height), height);
        int x1 = clamp((int) Math.ceil((x + w) * width), width);
        int y1 = clamp((int) Math.ceil((y + h) * height), height);
        long sum = 0;
        int count = 0;
        for (int py = y0; py < y1; py++) {
            for (int px = x0; px < x1; px++) {
                sum += Math.abs(grey(a.getRGB(px, py)) - grey(b.getRGB(px, py)));
                count++;
            }
        }
        return count == 0 ? 0 : sum / (double) count;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xff) * 77 + ((rgb >> 8) & 0xff) * 150 + (rgb & 0xff) * 29) >> 8;
    }
}
