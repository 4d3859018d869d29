package io.cutroom.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.TestMedia;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BlazeFace with its anchor counts rewritten for a 192-pixel input (BlazeFaceInputSize, used for reframing)
 * finds the faces it finds at the exported 256, in the same places. A wrong rewrite fails to run, or pairs
 * scores with the wrong anchors, which loses the face or moves its box.
 */
class FaceDetectorSizeTest {
    static ModelFiles files;
    static VisionModels models;

    @BeforeAll
    static void load() throws Exception {
        files = ModelFiles.open(Path.of("..", "models"));
        models = new VisionModels(files);
    }

    @Test
    void at192TheFaceIsFoundWhereItIsFoundAt256() throws Exception {
        BufferedImage astronaut = ImageIO.read(TestMedia.file("images/skimage/astronaut.png").toFile());
        // The photo whole, and as a framing tile sees it: a 270-pixel square of a 480 × 270 frame.
        BufferedImage tile = new BufferedImage(270, 270, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = tile.createGraphics();
        g.drawImage(astronaut, 0, 0, 270, 270, null);
        g.dispose();
        FaceDetector reduced = models.framingFaces();
        assertThat(reduced.inputSize()).isEqualTo(192);
        for (BufferedImage picture : List.of(astronaut, tile)) {
            Detection full = best(models.faces().detect(List.of(picture)).get(0));
            Detection small = best(reduced.detect(List.of(picture)).get(0));
            System.out.printf("blazeface %d px picture: %.2f at 256, %.2f at 192, boxes overlap %.2f%n",
                    picture.getWidth(), full.score(), small.score(), full.overlap(small));
            assertThat(small.score()).isGreaterThan(0.5f);
            assertThat(full.overlap(small)).isGreaterThan(0.6f);
        }
    }

    @Test
    void sizesTheGraphCannotTakeAreRefused() {
        assertThatThrownBy(() -> new FaceDetector(files, 200)).isInstanceOf(ModelException.class).hasMessageContaining("multiples of 32");
        assertThatThrownBy(() -> new FaceDetector(files, 320)).isInstanceOf(ModelException.class);
    }

    private static Detection best(List<Detection> faces) {
        return faces.stream().max(Comparator.comparingDouble(Detection::score))
                .orElseThrow(() -> new AssertionError("no face found"));
    }
}
