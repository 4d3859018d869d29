package io.cutroom.media.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Applies a {@link Grade} to a still in Java, with the same 8-bit tables and rounding as the FFmpeg chain
 * from {@link GradeFilters}, so a preview shows what the render will make.
 */
public final class GradePreview {
    private final int[][] tone = new int[3][256];
    private final int[][][] mixer; // [out][in][value], rounded per term as colorchannelmixer does
    private final CubeLut lut;

    public GradePreview(Grade grade) throws IOException {
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                double value = Math.floor(255 * grade.tone(c, v / 255.0) + 0.5);
                tone[c][v] = (int) Math.max(0, Math.min(255, value));
            }
        }
        if (grade.saturation() != 1) {
            double[][] m = GradeFilters.saturationMatrix(grade.saturation());
            mixer = new int[3][3][256];
            for (int out = 0; out < 3; out++) {
                for (int in = 0; in < 3; in++) {
                    for (int v = 0; v < 256; v++) {
                        mixer[out][in][v] = (int) Math.rint(v * m[out][in]);
                    }
                }
            }
        } else {
            mixer = null;
        }
        lut = grade.lut() == null ? null : CubeLut.read(Path.of(grade.lut()));
    }

    /** One colour through the grade: {@code rgb} holds 0..255 values and is updated in place. */
    public void apply(int[] rgb) {
        int r = tone[0][rgb[0]];
        int g = tone[1][rgb[1]];
        int b = tone[2][rgb[2]];
        if (mixer != null) {
            int nr = clip8(mixer[0][0][r] + mixer[0][1][g] + mixer[0][2][b]);
            int ng = clip8(mixer[1][0][r] + mixer[1][1][g] + mixer[1][2][b]);
            int nb = clip8(mixer[2][0][r] + mixer[2][1][g] + mixer[2][2][b]);
            r = nr;
            g = ng;
            b = nb;
        }
        rgb[0] = r;
        rgb[1] = g;
        rgb[2] = b;
        if (lut != null) {
            lut.apply(r, g, b, rgb);
        }
    }

    /** A graded copy of an image. */
    public BufferedImage apply(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[3];
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                int p = source.getRGB(x, y);
                rgb[0] = (p >> 16) & 0xff;
                rgb[1] = (p >> 8) & 0xff;
                rgb[2] = p & 0xff;
                apply(rgb);
                out.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
            }
        }
        return out;
    }

    private static int clip8(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
