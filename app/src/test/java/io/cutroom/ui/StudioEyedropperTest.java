package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.color.ColorCast;
import io.cutroom.color.LinearImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The colour panel's eyedropper, used as an editor would: a still of a grey card beside strong colours,
 * all under a 4000 K light. A click on the card, and then a box dragged over it, must each make the card
 * neutral in the graded picture and store that white balance with the clip.
 */
class StudioEyedropperTest extends StudioUiTest {
    /** The grey card's place in the picture, as fractions: in the right half, where the split view shows the grade. */
    private static final double CARD_X0 = 0.60;
    private static final double CARD_X1 = 0.90;
    private static final double CARD_Y0 = 0.30;
    private static final double CARD_Y1 = 0.70;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aClickAndADraggedBoxOnAGreyCardMakeItNeutral(FxRobot robot) throws Exception {
        Path still = home.resolve("grey card under 4000 K.png");
        ImageIO.write(greyCardUnderWarmLight(640, 360), "png", still.toFile());
        openColourPanelOf(robot, still);
        ImageView split = robot.lookup("#before-after .image-view").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> split.getImage() != null);
        assertThat(castDegrees(split.getImage())).as("the card before any pick").isGreaterThan(10);

        // The button row at the top of the view: the split view below it is then on screen too.
        reveal(robot, "#color-pick");
        click(robot, "#color-pick");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#color-status").queryLabeled().getText()
                .startsWith("Click or drag"));
        Bounds shown = onFx(() -> split.localToScreen(split.getBoundsInLocal()));
        robot.clickOn(at(shown, 0.75, 0.5));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picked());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> castDegrees(split.getImage()) < 1.5);
        assertThat(robot.lookup("#color-status").queryLabeled().getText()).startsWith("White balance from the picked grey");
        ToggleButton pick = robot.lookup("#color-pick").queryAs(ToggleButton.class);
        assertThat(pick.isSelected()).as("the eyedropper puts itself away after a pick").isFalse();

        click(robot, "Reset");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> castDegrees(split.getImage()) > 10 && !picked());
        click(robot, "#color-pick");
        robot.drag(at(shown, 0.66, 0.38), MouseButton.PRIMARY).moveTo(at(shown, 0.76, 0.5))
                .moveTo(at(shown, 0.84, 0.62)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picked());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> castDegrees(split.getImage()) < 1.5);
        assertThat(studio.grading().current(1).temperature()).isZero();
    }

    /** Whether the stored grade has white-balance gains other than none. */
    private boolean picked() throws java.io.IOException {
        var gains = studio.grading().current(1).gains();
        return gains != null && gains.stream().anyMatch(g -> Math.abs(g - 1) > 0.01);
    }

    private static javafx.geometry.Point2D at(Bounds box, double x, double y) {
        return new javafx.geometry.Point2D(box.getMinX() + x * box.getWidth(), box.getMinY() + y * box.getHeight());
    }

    /** Colour bars on the left, a mid-grey card on the right, lit by a 4000 K lamp (a 2.6:1 cast, within the gain cap). */
    private static BufferedImage greyCardUnderWarmLight(int w, int h) {
        double[] light = ColorCast.kelvin(4000, 0).factors();
        double[][] bars = {{0.6, 0.05, 0.04}, {0.05, 0.45, 0.08}, {0.04, 0.08, 0.5}, {0.6, 0.5, 0.03}, {0.1, 0.1, 0.1}};
        BufferedImage picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double fx = x / (double) w;
                double fy = y / (double) h;
                boolean card = fx >= CARD_X0 && fx < CARD_X1 && fy >= CARD_Y0 && fy < CARD_Y1;
                double[] surface = card ? new double[] {0.35, 0.35, 0.35}
                        : fx < 0.5 ? bars[(int) (fy * bars.length)] : new double[] {0.15, 0.12, 0.1};
                int[] rgb = new int[3];
                for (int c = 0; c < 3; c++) {
                    rgb[c] = encode(surface[c] * light[c]);
                }
                picture.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
            }
        }
        return picture;
    }

    private static int encode(double linear) {
        double v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** The angle (degrees) between the card's mean linear colour in the shown picture and grey. */
    private static double castDegrees(Image image) {
        var reader = image.getPixelReader();
        double[] sum = new double[3];
        for (int y = (int) (image.getHeight() * 0.4); y < image.getHeight() * 0.6; y++) {
            for (int x = (int) (image.getWidth() * 0.7); x < image.getWidth() * 0.8; x++) {
                int p = reader.getArgb(x, y);
                sum[0] += LinearImage.toLinear((p >> 16) & 0xff);
                sum[1] += LinearImage.toLinear((p >> 8) & 0xff);
                sum[2] += LinearImage.toLinear(p & 0xff);
            }
        }
        double dot = (sum[0] + sum[1] + sum[2]) / Math.sqrt(3);
        double norm = Math.sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]);
        return Math.toDegrees(Math.acos(Math.min(1, dot / norm)));
    }
}
