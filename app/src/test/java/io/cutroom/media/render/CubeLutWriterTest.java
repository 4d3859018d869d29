package io.cutroom.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grade exported as a .cube LUT does to colours what the grade itself does. */
class CubeLutWriterTest {
    @TempDir
    Path dir;

    @Test
    void theExportedLutReproducesTheGrade() throws Exception {
        Grade grade = new Grade(0.4, 1.2, 0.8, 30.0, -10.0, List.of(1.0, 1.02, 0.97), 1.1, null, 0.02, 0.96, null);
        Path cube = dir.resolve("look \"warm\" é.cube");
        CubeLutWriter.write(grade, CubeLutWriter.DEFAULT_SIZE, cube, "warm look");

        CubeLut lut = CubeLut.read(cube);
        GradePreview preview = new GradePreview(grade);
        int worst = 0;
        long total = 0;
        int n = 0;
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    int[] expected = {r, g, b};
                    preview.apply(expected);
                    int[] actual = new int[3];
                    lut.apply(r, g, b, actual);
                    for (int c = 0; c < 3; c++) {
                        int d = Math.abs(expected[c] - actual[c]);
                        worst = Math.max(worst, d);
                        total += d;
                        n++;
                    }
                }
            }
        }
        assertThat((double) total / n).as("mean difference, 8-bit levels").isLessThan(1.0);
        assertThat(worst).as("largest difference, 8-bit levels").isLessThanOrEqualTo(4);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("no temporary file is left").containsExactly(cube);
        }
    }

    @Test
    void anImpossibleLatticeSizeIsRefused() {
        assertThatThrownBy(() -> CubeLutWriter.write(Grade.NEUTRAL, 1, dir.resolve("x.cube"), "x"))
                .hasMessageContaining("points per axis");
    }
}
