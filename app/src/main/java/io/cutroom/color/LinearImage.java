package io.cutroom.color;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A picture in linear light, small enough for statistics: each output pixel averages a block of source
 * pixels in linear light (averaging encoded values would darken edges and shift colours). Values are
 * 0..1; the transfer is the 2.2 power that {@link io.cutroom.media.render.Grade} uses, so gains measured
 * here are the gains a grade applies. A pixel is marked clipped when any source pixel in its block had a
 * channel at or near 255: its colour there is not the scene's.
 */
public final class LinearImage {
    /** Statistics need no more than this many pixels on the long side; more only costs time. */
    public static final int ANALYSIS_SIZE = 256;
    static final int CLIP_LEVEL = 250;
    private static final float[] TO_LINEAR = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            TO_LINEAR[v] = (float) Math.pow(v / 255.0, 2.2);
        }
    }

    public final int width;
    public final int height;
    public final float[] r;
    public final float[] g;
    public final float[] b;
    final boolean[] clipped;
    /** The usable pixels' luminances in ascending order, sorted once: the bright patch and the evidence both ask. */
    private float[] sortedUsableLuminance;

    private LinearImage(int width, int height) {
        this.width = width;
        this.height = height;
        r = new float[width * height];
        g = new float[width * height];
        b = new float[width * height];
        clipped = new boolean[width * height];
    }

    public static float toLinear(int encoded8) {
        return TO_LINEAR[encoded8];
    }

    public static LinearImage of(BufferedImage source) {
        return of(source, ANALYSIS_SIZE);
    }

    public static LinearImage of(BufferedImage source, int maxSide) {
        int sw = source.getWidth();
        int sh = source.getHeight();
        int step = Math.max(1, (int) Math.ceil(Math.max(sw, sh) / (double) maxSide));
        LinearImage out = new LinearImage(Math.max(1, sw / step), Math.max(1, sh / step));
        int[] row = new int[sw];
        double[] sums = new double[out.width * 3];
        int[] counts = new int[out.width];
        for (int oy = 0; oy < out.height; oy++) {
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            boolean[] clip = new boolean[out.width];
            for (int y = oy * step; y < Math.min(sh, (oy + 1) * step); y++) {
                source.getRGB(0, y, sw, 1, row, 0, sw);
                for (int x = 0; x < out.width * step && x < sw; x++) {
                    int p = row[x];
                    int ox = x / step;
                    int rr = (p >> 16) & 0xff;
                    int gg = (p >> 8) & 0xff;
                    int bb = p & 0xff;
                    sums[ox * 3] += TO_LINEAR[rr];
                    sums[ox * 3 + 1] += TO_LINEAR[gg];
                    sums[ox * 3 + 2] += TO_LINEAR[bb];
                    counts[ox]++;
                    clip[ox] |= rr >= CLIP_LEVEL || gg >= CLIP_LEVEL || bb >= CLIP_LEVEL;
                }
            }
            for (int ox = 0; ox < out.width; ox++) {
                int i = oy * out.width + ox;
                double n = Math.max(1, counts[ox]);
                out.r[i] = (float) (sums[ox * 3] / n);
                out.g[i] = (float) (sums[ox * 3 + 1] / n);
                out.b[i] = (float) (sums[ox * 3 + 2] / n);
                out.clipped[i] = clip[ox];
            }
        }
        return out;
    }

    /** Rec.709 luminance of pixel i, in linear light. */
    float luminance(int i) {
        return 0.2126f * r[i] + 0.7152f * g[i] + 0.0722f * b[i];
    }

    /** Luminances of the pixels {@link IlluminantCues#usable} counts, ascending; sorted on first use, then kept. */
    float[] sortedUsableLuminance() {
        if (sortedUsableLuminance == null) {
            float[] lum = new float[r.length];
            int usable = 0;
            for (int i = 0; i < r.length; i++) {
                if (IlluminantCues.usable(this, i)) {
                    lum[usable++] = luminance(i);
                }
            }
            lum = Arrays.copyOf(lum, usable);
            Arrays.sort(lum);
            sortedUsableLuminance = lum;
        }
        return sortedUsableLuminance;
    }
}
