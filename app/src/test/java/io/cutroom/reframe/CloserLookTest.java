package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.vision.Detection;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.VisionModels;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A small still animal the whole-frame look at 320 pixels misses is found by looking at the picture at its own 480. */
class CloserLookTest {
    static VisionModels models;
    /** Where the cow is drawn in the 480 x 270 analysis picture. */
    static final int COW_X = 330, COW_Y = 120, COW_W = 96, COW_H = 72;

    @BeforeAll
    static void load() throws Exception {
        models = new VisionModels(ModelFiles.open(Path.of("..", "models")));
    }

    @Test
    void aSmallCowOverABuildingIsFoundAtTheShotsFirstLook() throws Exception {
        BufferedImage picture = cowOverChina();
        List<BufferedImage> runs = List.of(picture);
        List<List<Detection>> whole = models.objectsFor(picture, VisionModels.FRAMING_OBJECT_SIZE).detect(runs);
        List<List<Detection>> closer = new CloserLook(models).add(whole, runs, List.of(0.0), List.of(true));
        // Measured: nothing on the cow from the whole look, an animal at 0.27 from the closer one.
        assertThat(bestAnimalOnCow(whole.get(0))).as("the whole look").isLessThan(SignalAnalyzer.ANIMAL_EVIDENCE);
        assertThat(bestAnimalOnCow(closer.get(0))).as("after the closer look").isGreaterThanOrEqualTo(0.2);
    }

    @Test
    void itLooksCloserAtAShotsStartUnlessSureAndLaterOnlyWhereNothingWasSeenAtMostEveryFourSeconds() throws Exception {
        BufferedImage picture = cowOverChina();
        CloserLook look = new CloserLook(models);
        Detection sure = new Detection("person", 0.9f, 0.1f, 0.1f, 0.2f, 0.6f);
        Detection seen = new Detection("person", 0.4f, 0.1f, 0.1f, 0.2f, 0.6f);
        List<List<Detection>> found = List.of(List.of(sure), List.of(seen), List.of(), List.of(), List.of(), List.of(seen));
        List<List<Detection>> out = look.add(found, java.util.Collections.nCopies(6, picture),
                List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), List.of(true, false, false, false, false, true));
        assertThat(out.get(0)).as("a shot starting with a sure person: not looked").containsExactly(sure);
        assertThat(out.get(1)).as("someone seen, not surely, within the shot: not looked").containsExactly(seen);
        assertThat(out.get(2)).as("nothing seen at 4 s: looked").hasSizeGreaterThan(0);
        assertThat(out.get(3)).as("2 s after the last closer look: not yet").isEmpty();
        assertThat(out.get(4)).as("4 s after it: looked again").hasSizeGreaterThan(0);
        assertThat(out.get(5)).as("a new shot, nothing sure: looked").hasSizeGreaterThan(1);
    }

    private static double bestAnimalOnCow(List<Detection> found) {
        return found.stream().filter(d -> SignalAnalyzer.ANIMALS.contains(d.label()) && onCow(d))
                .mapToDouble(Detection::score).max().orElse(0);
    }

    /** Whether the box's centre lies on the drawn photo, which shows the cow with some of its field. */
    private static boolean onCow(Detection d) {
        double x = (d.x() + d.width() / 2) * 480, y = (d.y() + d.height() / 2) * 270;
        return x >= COW_X && x <= COW_X + COW_W && y >= COW_Y && y <= COW_Y + COW_H && d.width() * 480 <= 2 * COW_W;
    }

    private static BufferedImage cowOverChina() throws Exception {
        BufferedImage background = ImageIO.read(TestMedia.file("images/sklearn/china.jpg").toFile());
        BufferedImage cow = ImageIO.read(TestMedia.file("images/objects/cow.jpg").toFile());
        BufferedImage picture = new BufferedImage(480, 270, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = picture.createGraphics();
        g.drawImage(background, 0, 0, 480, 270, null);
        g.drawImage(cow, COW_X, COW_Y, COW_W, COW_H, null);
        g.dispose();
        return picture;
    }
}
