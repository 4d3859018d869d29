package io.cutroom.audio;

import java.util.Arrays;

/**
 * Keeps the running maximum of fixed-size blocks of samples, so a long file needs little memory.
 * The block size comes from the expected length; a file longer than expected just yields more blocks.
 */
final class PeakAccumulator {
    private static final int BLOCKS_PER_COLUMN = 4;
    private final long blockSize;
    private float[] blocks = new float[1024];
    private int count;
    private long inBlock;
    private float current;

    PeakAccumulator(long expectedSamples) {
        this.blockSize = Math.max(1, expectedSamples / (WaveformMaker.WIDTH * BLOCKS_PER_COLUMN));
    }

    void add(float magnitude) {
        current = Math.max(current, magnitude);
        if (++inBlock == blockSize) {
            push();
        }
    }

    private void push() {
        if (count == blocks.length) {
            blocks = Arrays.copyOf(blocks, count * 2);
        }
        blocks[count++] = current;
        current = 0;
        inBlock = 0;
    }

    float[] resampleTo(int columns) {
        if (inBlock > 0) {
            push();
        }
        float[] out = new float[columns];
        if (count == 0) {
            return out;
        }
        for (int x = 0; x < columns; x++) {
            int from = (int) ((long) x * count / columns);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * count / columns));
            float peak = 0;
            for (int i = from; i < Math.min(to, count); i++) {
                peak = Math.max(peak, blocks[i]);
            }
            out[x] = peak;
        }
        return out;
    }
}
