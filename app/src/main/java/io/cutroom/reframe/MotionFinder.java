package io.cutroom.reframe;

import io.cutroom.media.GreyFrame;
import io.cutroom.vision.Detection;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where something moved since the frame before: the pixels of a small grey copy that changed by
 * more than {@link #CHANGE}, boxed between their 5th and 95th percentiles so a few stray pixels do not
 * stretch the box. Nothing is reported when almost nothing moved, or when most of the picture did (a camera
 * move, a flash or a cut, which say nothing about where the subject is).
 */
final class MotionFinder {
    static final int WIDTH = 64;
    static final int CHANGE = 24;
    static final double LEAST_MOVING = 0.004;
    static final double MOST_MOVING = 0.35;
    /** How near the frame's border a box's edge must come to be taken to the border. */
    static final double BORDER = 0.05;
    private int[] previous;

    /** What moved since the frame before, on the grey copy averaged down to {@link #WIDTH} pixels wide. */
    Optional<Detection> next(GreyFrame frame) {
        int block = Math.max(1, frame.width() / WIDTH);
        int height = Math.max(1, frame.height() / block);
        int[] grey = new int[WIDTH * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int sum = 0, count = 0;
                for (int dy = 0; dy < block && y * block + dy < frame.height(); dy++) {
                    for (int dx = 0; dx < block && x * block + dx < frame.width(); dx++) {
                        sum += frame.at(x * block + dx, y * block + dy);
                        count++;
                    }
                }
                grey[y * WIDTH + x] = count == 0 ? 0 : sum / count;
            }
        }
        return next(grey, height);
    }

    private Optional<Detection> next(int[] grey, int height) {
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
        // Something moving at the frame's border is partly outside it (coming in or going out): the box
        // reaches the border, where the percentiles would have stopped it short.
        if (left <= BORDER) left = 0;
        if (right >= 1 - BORDER) right = 1;
        if (top <= BORDER) top = 0;
        if (bottom >= 1 - BORDER) bottom = 1;
        return Optional.of(new Detection("motion", 1f, (float) left, (float) top, (float) (right - left), (float) (bottom - top)));
    }
}
