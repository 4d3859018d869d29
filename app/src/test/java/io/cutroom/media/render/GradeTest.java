package io.cutroom.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.media.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java preview of a grade and the FFmpeg chain of the same grade agree, pixel for pixel. */
class GradeTest {
    @TempDir
    Path dir;

    @Test
    void ffmpegChainAndJavaPreviewAgreeOnEveryLevelAndColour() throws Exception {
        Path cube = writeWarmCube(dir.resolve("warm look's.cube"), 17);
        Grade grade = new Grade(0.5, 1.2, 0.7, 30.0, -10.0, List.of(1.0, 1.05, 0.95), 1.1, cube.toString());
        byte[] input = testPattern();
        byte[] rendered = runChain(input, GradeFilters.chain(grade, "rgb24"));
        GradePreview preview = new GradePreview(grade);
        int worst = 0;
        int[] rgb = new int[3];
        for (int i = 0; i < input.length; i += 3) {
            rgb[0] = input[i] & 0xff;
            rgb[1] = input[i + 1] & 0xff;
            rgb[2] = input[i + 2] & 0xff;
            preview.apply(rgb);
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(rgb[c] - (rendered[i + c] & 0xff)));
            }
        }
        assertThat(worst).as("largest difference in 8-bit levels").isLessThanOrEqualTo(1);
    }

    @Test
    void oneStopUpBrightensMiddleGreyAsLinearLightSays() throws IOException {
        Grade up = new Grade(1.0, null, null, null, null, null, null, null);
        int[] grey = {118, 118, 118};
        new GradePreview(up).apply(grey);
        int expected = (int) Math.round(255 * Math.pow(Math.pow(118 / 255.0, 2.2) * 2, 1 / 2.2));
        assertThat(grey).containsExactly(expected, expected, expected);
        assertThat(expected).isEqualTo(162);
    }

    @Test
    void warmTemperatureRaisesRedAndLowersBlueOfANeutralPatch() throws IOException {
        int[] grey = {128, 128, 128};
        new GradePreview(new Grade(null, null, null, 50.0, null, null, null, null)).apply(grey);
        assertThat(grey[0]).isGreaterThan(128);
        assertThat(grey[1]).isEqualTo(128);
        assertThat(grey[2]).isLessThan(128);
    }

    @Test
    void gradesAndLutsThatCannotBeUsedAreRefusedWithASentence() throws IOException {
        Path badGrade = Files.writeString(dir.resolve("grade.json"), "{\"exposure\": 12}");
        assertThatThrownBy(() -> Grade.read(badGrade)).hasMessageContaining("Exposure must be between -8 and 8 EV");
        Path notJson = Files.writeString(dir.resolve("oops.json"), "{exposure: ");
        assertThatThrownBy(() -> Grade.read(notJson)).hasMessageContaining("not valid JSON");
        Path truncated = Files.writeString(dir.resolve("cut.cube"), "LUT_3D_SIZE 17\n0 0 0\n1 1 1\n");
        assertThatThrownBy(() -> CubeLut.read(truncated)).hasMessageContaining("truncated").hasMessageContaining("2 of the 4913");
        Path oneD = Files.writeString(dir.resolve("curve.cube"), "LUT_1D_SIZE 4\n");
        assertThatThrownBy(() -> CubeLut.read(oneD)).hasMessageContaining("1D LUT");
    }

    /** Every grey level, then a spread of saturated and mixed colours. */
    private static byte[] testPattern() {
        List<int[]> colours = new ArrayList<>();
        for (int v = 0; v < 256; v++) {
            colours.add(new int[] {v, v, v});
        }
        for (int r = 0; r < 256; r += 51) {
            for (int g = 0; g < 256; g += 51) {
                for (int b = 0; b < 256; b += 51) {
                    colours.add(new int[] {r, g, b});
                }
            }
        }
        while (colours.size() % 64 != 0) {
            colours.add(new int[] {200, 30, 90});
        }
        byte[] bytes = new byte[colours.size() * 3];
        for (int i = 0; i < colours.size(); i++) {
            for (int c = 0; c < 3; c++) {
                bytes[i * 3 + c] = (byte) colours.get(i)[c];
            }
        }
        return bytes;
    }

    private byte[] runChain(byte[] rgb, String chain) throws Exception {
        Path in = Files.write(dir.resolve("in.rgb"), rgb);
        Path out = dir.resolve("out.rgb");
        int pixels = rgb.length / 3;
        Process p = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-f", "rawvideo",
                "-pix_fmt", "rgb24", "-s", "64x" + pixels / 64, "-i", in.toString(), "-vf", chain,
                "-f", "rawvideo", "-pix_fmt", "rgb24", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        return Files.readAllBytes(out);
    }

    /** A warm look: red lifted, blue lowered, written red-fastest as the format requires. */
    private static Path writeWarmCube(Path file, int size) throws IOException {
        StringBuilder text = new StringBuilder("TITLE \"warm\"\nLUT_3D_SIZE " + size + "\n");
        for (int b = 0; b < size; b++) {
            for (int g = 0; g < size; g++) {
                for (int r = 0; r < size; r++) {
                    double rv = r / (size - 1.0);
                    double gv = g / (size - 1.0);
                    double bv = b / (size - 1.0);
                    text.append(String.format(Locale.ROOT, "%.6f %.6f %.6f%n", Math.pow(rv, 0.9), gv, bv * 0.9));
                }
            }
        }
        return Files.writeString(file, text.toString());
    }
}
