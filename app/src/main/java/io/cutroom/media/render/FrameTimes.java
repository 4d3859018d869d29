package io.cutroom.media.render;

import java.util.Arrays;

/**
 * The source time of each encoded frame, in order. The encoder numbers frames at a constant rate; this maps
 * frame number n back to when that frame was shown in the source, kept strictly increasing, and extends
 * the first step backwards for the negative numbers that B-frame decoding times use.
 */
final class FrameTimes {
    private final double encoderRate;
    private long[] micros = new long[1024];
    private int count;

    FrameTimes(double encoderRate) {
        this.encoderRate = encoderRate;
    }

    void add(long timestampMicros) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        long previous = count == 0 ? Long.MIN_VALUE : micros[count - 1];
        micros[count++] = Math.max(timestampMicros, previous == Long.MIN_VALUE ? timestampMicros : previous + 1000);
    }

    /** The frame number a time (seconds) in the encoder's constant-rate clock falls on. */
    long slot(double seconds) {
        return Math.round(seconds * encoderRate);
    }

    /**
     * The source time of frame {@code n}, on the same clock as the source's audio (a picture that started
     * late still does), extrapolated at the edges.
     */
    long at(long n) {
        if (count == 0) {
            return Math.round(n * 1e6 / encoderRate);
        }
        if (n < 0) {
            long step = count > 1 ? micros[1] - micros[0] : Math.round(1e6 / encoderRate);
            return micros[0] + n * step;
        }
        if (n >= count) {
            long step = count > 1 ? micros[count - 1] - micros[count - 2] : Math.round(1e6 / encoderRate);
            return micros[count - 1] + (n - count + 1) * step;
        }
        return micros[(int) n];
    }
}
