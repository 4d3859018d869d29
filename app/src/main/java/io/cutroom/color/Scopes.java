package io.cutroom.color;

import java.awt.image.BufferedImage;

/**
 * The three scopes colourists read, computed from a picture's 8-bit display values (what the viewer
 * shows): an RGB and luma histogram, a luma waveform (one column of level counts per slice of the width),
 * and a vectorscope (counts over the Rec.709 Cb/Cr plane, centre = no colour).
 */
public record Scopes(int[][] histogram, int[][] waveform, int[][] vectorscope) {
    public static final int LEVELS = 256;
    public static final int WAVEFORM_COLUMNS = 256;
    public static final int VECTOR_SIZE = 128;

    /** Scopes of a picture; large pictures are read every {@code step}-th pixel, which the shapes do not need. */
    public static Scopes of(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int step = Math.max(1, (int) Math.sqrt((double) w * h / 250_000));
        int[][] histogram = new int[4][LEVELS];
        int columns = Math.min(WAVEFORM_COLUMNS, w);
        int[][] waveform = new int[columns][LEVELS];
        int[][] vector = new int[VECTOR_SIZE][VECTOR_SIZE];
        int[] row = new int[w];
        for (int y = 0; y < h; y += step) {
            picture.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x += step) {
                int p = row[x];
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                double luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
                int y8 = (int) Math.round(luma);
                histogram[0][r]++;
                histogram[1][g]++;
                histogram[2][b]++;
                histogram[3][y8]++;
                waveform[(int) ((long) x * columns / w)][y8]++;
                // Rec.709 colour differences, each within about -0.5..0.5 of full scale.
                double cb = (b - luma) / 1.8556 / 255;
                double cr = (r - luma) / 1.5748 / 255;
                int vx = (int) Math.max(0, Math.min(VECTOR_SIZE - 1, Math.floor((cb + 0.5) * VECTOR_SIZE)));
                int vy = (int) Math.max(0, Math.min(VECTOR_SIZE - 1, Math.floor((0.5 - cr) * VECTOR_SIZE)));
                vector[vy][vx]++;
            }
        }
        return new Scopes(histogram, waveform, vector);
    }
}
