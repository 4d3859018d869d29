package io.cutroom.media.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A 3D LUT in the Adobe/Resolve {@code .cube} format, read and checked so a bad file is refused with a
 * sentence before a render starts, and applied with the same tetrahedral interpolation as FFmpeg's lut3d.
 */
public final class CubeLut {
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 65;

    private final int size;
    private final float[] table; // r * size^2 + g * size + b, three floats each
    private final float[] domainMin;
    private final float[] domainMax;

    private CubeLut(int size, float[] table, float[] domainMin, float[] domainMax) {
        this.size = size;
        this.table = table;
        this.domainMin = domainMin;
        this.domainMax = domainMax;
    }

    public static CubeLut read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int size = 0;
        float[] min = {0, 0, 0};
        float[] max = {1, 1, 1};
        float[] table = null;
        int entries = 0;
        String name = file.getFileName().toString();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("TITLE")) {
                continue;
            }
            if (upper.startsWith("LUT_1D_SIZE")) {
                throw new IOException(name + " is a 1D LUT; Cutroom applies 3D LUTs (.cube with LUT_3D_SIZE).");
            }
            if (upper.startsWith("LUT_3D_SIZE")) {
                size = Integer.parseInt(line.substring("LUT_3D_SIZE".length()).strip());
                if (size < MIN_SIZE || size > MAX_SIZE) {
                    throw new IOException(name + " has LUT_3D_SIZE " + size + "; sizes from " + MIN_SIZE + " to "
                            + MAX_SIZE + " are supported.");
                }
                table = new float[size * size * size * 3];
                continue;
            }
            if (upper.startsWith("DOMAIN_MIN") || upper.startsWith("DOMAIN_MAX")) {
                float[] target = upper.startsWith("DOMAIN_MIN") ? min : max;
                float[] values = numbers(line.substring(10).strip(), name, n);
                System.arraycopy(values, 0, target, 0, 3);
                continue;
            }
            if (table == null) {
                throw new IOException(name + " line " + (n + 1) + ": data comes before LUT_3D_SIZE.");
            }
            if (entries >= size * size * size) {
                throw new IOException(name + " has more than the " + size * size * size + " entries its size promises.");
            }
            float[] rgb = numbers(line, name, n);
            // The file lists red fastest, then green, then blue.
            int r = entries % size;
            int g = entries / size % size;
            int b = entries / (size * size);
            System.arraycopy(rgb, 0, table, ((r * size + g) * size + b) * 3, 3);
            entries++;
        }
        if (table == null) {
            throw new IOException(name + " has no LUT_3D_SIZE line: it is not a 3D .cube LUT.");
        }
        if (entries != size * size * size) {
            throw new IOException(name + " is truncated: it holds " + entries + " of the " + size * size * size
                    + " entries its size promises.");
        }
        for (int c = 0; c < 3; c++) {
            if (!(max[c] > min[c])) {
                throw new IOException(name + " has an empty domain: DOMAIN_MAX must exceed DOMAIN_MIN.");
            }
        }
        return new CubeLut(size, table, min, max);
    }

    private static float[] numbers(String text, String name, int line) throws IOException {
        String[] parts = text.split("\\s+");
        if (parts.length != 3) {
            throw new IOException(name + " line " + (line + 1) + ": expected three numbers, found '" + text + "'.");
        }
        float[] values = new float[3];
        try {
            for (int i = 0; i < 3; i++) {
                values[i] = Float.parseFloat(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new IOException(name + " line " + (line + 1) + ": '" + text + "' is not three numbers.", e);
        }
        return values;
    }

    /** Maps an 8-bit colour through the LUT; the result is truncated to 8 bits as FFmpeg's lut3d does. */
    public void apply(int r8, int g8, int b8, int[] out) {
        float[] s = new float[3];
        int[] in = {r8, g8, b8};
        for (int c = 0; c < 3; c++) {
            float v = (in[c] / 255f - domainMin[c]) / (domainMax[c] - domainMin[c]);
            s[c] = Math.max(0, Math.min(size - 1, v * (size - 1)));
        }
        float[] rgb = tetrahedral(s[0], s[1], s[2]);
        for (int c = 0; c < 3; c++) {
            out[c] = Math.max(0, Math.min(255, (int) (rgb[c] * 255f)));
        }

    }

    /** Maps a colour (0..1 per channel) through the LUT without rounding: for composing LUTs. */
    public double[] applyExact(double[] rgb) {
        float[] s = new float[3];
        for (int c = 0; c < 3; c++) {
            float v = (float) ((rgb[c] - domainMin[c]) / (domainMax[c] - domainMin[c]));
            s[c] = Math.max(0, Math.min(size - 1, v * (size - 1)));
        }
        float[] out = tetrahedral(s[0], s[1], s[2]);
        return new double[] {out[0], out[1], out[2]};
    }

    private float[] tetrahedral(float sr, float sg, float sb) {
        int r0 = (int) sr;
        int g0 = (int) sg;
        int b0 = (int) sb;
        int r1 = Math.min(r0 + 1, size - 1);
        int g1 = Math.min(g0 + 1, size - 1);
        int b1 = Math.min(b0 + 1, size - 1);
        float dr = sr - r0;
        float dg = sg - g0;
        float db = sb - b0;
        float[] out = new float[3];
        int c000 = at(r0, g0, b0);
        int c111 = at(r1, g1, b1);
        for (int c = 0; c < 3; c++) {
            float v000 = table[c000 + c];
            float v111 = table[c111 + c];
            float v;
            if (dr > dg) {
                if (dg > db) {
                    v = (1 - dr) * v000 + (dr - dg) * table[at(r1, g0, b0) + c] + (dg - db) * table[at(r1, g1, b0) + c] + db * v111;
                } else if (dr > db) {
                    v = (1 - dr) * v000 + (dr - db) * table[at(r1, g0, b0) + c] + (db - dg) * table[at(r1, g0, b1) + c] + dg * v111;
                } else {
                    v = (1 - db) * v000 + (db - dr) * table[at(r0, g0, b1) + c] + (dr - dg) * table[at(r1, g0, b1) + c] + dg * v111;
                }
            } else {
                if (db > dg) {
                    v = (1 - db) * v000 + (db - dg) * table[at(r0, g0, b1) + c] + (dg - dr) * table[at(r0, g1, b1) + c] + dr * v111;
                } else if (db > dr) {
                    v = (1 - dg) * v000 + (dg - db) * table[at(r0, g1, b0) + c] + (db - dr) * table[at(r0, g1, b1) + c] + dr * v111;
                } else {
                    v = (1 - dg) * v000 + (dg - dr) * table[at(r0, g1, b0) + c] + (dr - db) * table[at(r1, g1, b0) + c] + db * v111;
                }
            }
            out[c] = v;
        }
        return out;
    }

    private int at(int r, int g, int b) {
        return ((r * size + g) * size + b) * 3;
    }
}
