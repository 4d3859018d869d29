package io.cutroom.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CenterNet with its upsampling constants rewritten for a 320-pixel input (CenterNetInputSize) finds the
 * objects it finds at the exported 512, in the same places. A wrong rewrite fails to run or scrambles the
 * feature pyramid, which loses the objects or moves their boxes.
 */
class ObjectDetectorSizeTest {
    static final Path MODELS = Path.of("..", "models");
    static VisionModels models;

    @BeforeAll
    static void load() throws ModelException {
        models = new VisionModels(ModelFiles.open(MODELS));
    }

    @Test
    void at320TheSameObjectsAreFoundInTheSamePlaces() throws Exception {
        for (String[] photo : new String[][] {{"astronaut.png", "person"}, {"motorcycle_left.png", "motorcycle"},
                {"licenseplate_motion.png", "car"}}) {
            BufferedImage picture = read(photo[0]);
            ObjectDetector small = models.objectsFor(picture, 320);
            assertThat(small.inputSize()).isEqualTo(320);
            // The best at 320 is matched to the same object at 512: any of that label scoring as well as
            // tagging asks, since a car that fills the picture gets several competing boxes at 512.
            Detection reduced = best(small.detect(List.of(picture)).get(0), photo[1]);
            Detection full = models.objects().detect(List.of(picture)).get(0).stream()
                    .filter(d -> d.label().equals(photo[1]) && d.score() >= 0.3f)
                    .max(java.util.Comparator.comparingDouble(reduced::overlap))
                    .orElseThrow(() -> new AssertionError("no " + photo[1] + " at 512 in " + photo[0]));
            System.out.printf("centernet %s %s: %.2f at 512, %.2f at 320, boxes overlap %.2f%n", photo[0], photo[1],
                    full.score(), reduced.score(), full.overlap(reduced));
            assertThat(reduced.score()).isGreaterThan(0.35f);
            assertThat(full.overlap(reduced)).isGreaterThan(0.6f);
        }
    }

    @Test
    void aWideFrameGetsAWideInputAndTheSameObjectsInTheSamePlaces() throws Exception {
        // 16:9 crops of real photos: letterboxed into the exported square, and given a 512 × 288 input.
        for (String[] photo : new String[][] {{"astronaut.png", "person", "0"}, {"motorcycle_left.png", "motorcycle", "150"}}) {
            BufferedImage wide = read(photo[0]).getSubimage(0, Integer.parseInt(photo[2]), 512, 288);
            ObjectDetector shaped = models.objectsFor(wide, 512);
            assertThat(shaped.inputWidth()).isEqualTo(512);
            assertThat(shaped.inputHeight()).isEqualTo(288);
            Detection square = best(models.objects().detect(List.of(wide)).get(0), photo[1]);
            Detection fitted = best(shaped.detect(List.of(wide)).get(0), photo[1]);
            System.out.printf("centernet wide %s %s: %.2f letterboxed in 512x512, %.2f at 512x288, boxes overlap %.2f%n",
                    photo[0], photo[1], square.score(), fitted.score(), square.overlap(fitted));
            assertThat(fitted.score()).isGreaterThan(square.score() - 0.1f);
            assertThat(square.overlap(fitted)).isGreaterThan(0.7f);
        }
    }

    @Test
    void sizesTheGraphCannotTakeAreRefusedWithAReason() {
        assertThatThrownBy(() -> new ObjectDetector(ModelFiles.open(MODELS), 300, 300))
                .isInstanceOf(ModelException.class).hasMessageContaining("multiples of 32");
    }

    private static Detection best(List<Detection> found, String label) {
        return found.stream().filter(d -> d.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " among " + found));
    }

    private static BufferedImage read(String name) throws IOException {
        return ImageIO.read(ModelAgreementTest.FIXTURES.resolve("centernet").resolve(name).toFile());
    }
}
