package io.cutroom.reframe;

import io.cutroom.vision.Detection;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where something moved since the last analysed picture: the pixels of a small grey copy that changed by
 * more than {@link #CHANGE}, boxed between their 5th and 95th percentiles so a few stray pixels do not
 * stretch the box. Nothing is reported when almost nothing moved, or when most of the picture did (a camera
 * move, a flash or a cut, which say nothing about where the subject is).
 */
final class MotionFinder {
    static final int WIDTH = 64;
    static final int CHANGE = 24;
    static final double LEAST_MOVING = 0.004;
    static final double MOST_MOVING = 0.35;
    private int[] previous;

    Optional<Detection> next(BufferedImage picture) {
        int height = Math.max(1, Math.round(WIDTH * picture.getHeight() / (float) picture.getWidth()));
        int[] grey = grey(picture, WIDTH, height);
        int[] before = previous;
        previous = grey;
        if (before == null || before.length != grey.length) {
            return Optional.empty();
        }
        int[] xs = new int[grey.length];
        int[] ys = new int[grey.length];
        int count = 0;
        for (int i = 0; i < grey.length; i++) {
            if (Math.abs(grey[i] - before[i]) > CHANGE) {
                xs[count] = i % WIDTH;
                ys[count] = i / WIDTH;
                count++;
            }
        }
        double share = count / (double) grey.length;
        if (share < LEAST_MOVING || share > MOST_MOVING) {
            return Optional.empty();
        }
        int[] x = Arrays.copyOf(xs, count);
        int[] y = Arrays.copyOf(ys, count);
        Arrays.sort(x);
        Arrays.sort(y);
        double left = x[(int) (0.05 * (count - 1))] / (double) WIDTH;
        double right = (x[(int) (0.95 * (count - 1))] + 1) / (double) WIDTH;
        double top = y[(int) (0.05 * (count - 1))] / (double) height;
        double bottom = (y[(int) (0.95 * (count - 1))] + 1) / (double) height;
        return Optional.of(new Detection("motion", 1f, (float) left, (float) top, (float) (right - left), (float) (bottom - top)));
    }

    private static int[] grey(BufferedImage picture, int width, int height) {
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, width, height, null);
        g.dispose();
        int[] out = new int[width * height];
        small.getRaster().getPixels(0, 0, width, height, out);
        return out;
    }
}
