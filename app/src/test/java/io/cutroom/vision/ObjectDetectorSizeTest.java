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
        ObjectDetector small = models.objectsForFraming();
        assertThat(small.inputSize()).isEqualTo(320);
        for (String[] photo : new String[][] {{"astronaut.png", "person"}, {"motorcycle_left.png", "motorcycle"},
                {"licenseplate_motion.png", "car"}}) {
            BufferedImage picture = read(photo[0]);
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
    void sizesTheGraphCannotTakeAreRefusedWithAReason() {
        assertThatThrownBy(() -> new ObjectDetector(ModelFiles.open(MODELS), 300))
                .isInstanceOf(ModelException.class).hasMessageContaining("multiple of 32");
    }

    private static Detection best(List<Detection> found, String label) {
        return found.stream().filter(d -> d.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " among " + found));
    }

    private static BufferedImage read(String name) throws IOException {
        return ImageIO.read(ModelAgreementTest.FIXTURES.resolve("centernet").resolve(name).toFile());
    }
}
