package io.cutroom.media.render;

import io.cutroom.media.OutputFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a grade as a 3D {@code .cube} LUT that other editors (Resolve, Premiere, Final Cut, FFmpeg's
 * lut3d) apply. Each lattice point goes through the grade's formula in full precision, then through the
 * grade's own LUT if it has one. The file is written beside its target and moved into place, so a full
 * disk or a crash never leaves a truncated LUT under the final name.
 */
public final class CubeLutWriter {
    /** The size editors expect by default: 33 points per axis. */
    public static final int DEFAULT_SIZE = 33;

    private CubeLutWriter() {
    }

    public static void write(Grade grade, int size, Path out, String title) throws IOException {
        if (size < CubeLut.MIN_SIZE || size > CubeLut.MAX_SIZE) {
            throw new IOException("A LUT needs from " + CubeLut.MIN_SIZE + " to " + CubeLut.MAX_SIZE + " points per axis, not " + size + ".");
        }
        CubeLut inner = grade.lut() == null ? null : CubeLut.read(Path.of(grade.lut()));
        double[][] saturation = GradeFilters.saturationMatrix(grade.saturation());
        OutputFile.write(out, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.write("TITLE \"" + title.replace('"', '\'') + "\"\n");
            w.write("# Made by Cutroom from a grade: " + grade.toJson().replaceAll("\\s+", " ") + "\n");
            w.write("LUT_3D_SIZE " + size + "\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\n");
            double[] rgb = new double[3];
            for (int b = 0; b < size; b++) {
                for (int g = 0; g < size; g++) {
                    for (int r = 0; r < size; r++) {
                        rgb[0] = grade.tone(0, r / (size - 1.0));
                        rgb[1] = grade.tone(1, g / (size - 1.0));
                        rgb[2] = grade.tone(2, b / (size - 1.0));
                        double[] mixed = new double[3];
                        for (int o = 0; o < 3; o++) {
                            for (int i = 0; i < 3; i++) {
                                mixed[o] += saturation[o][i] * rgb[i];
                            }
                            mixed[o] = Math.max(0, Math.min(1, mixed[o]));
                        }
                        if (inner != null) {
                            mixed = inner.applyExact(mixed);
                        }
                        w.write(String.format(Locale.ROOT, "%.6f %.6f %.6f%n", mixed[0], mixed[1], mixed[2]));
                    }
                }
            }
            w.flush();
        });
    }
}
