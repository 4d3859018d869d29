package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.media.render.Grade;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The colour panel: Auto on a real clip, a slider drag stored with the clip, and the split view following it. */
class StudioColorTest extends StudioUiTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void autoThenASliderDragIsStoredAndShownInTheSplitView(FxRobot robot) throws Exception {
        openColourPanelOf(robot, TestMedia.file("video/cup.mp4"));
        ImageView split = robot.lookup("#before-after .image-view").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> split.getImage() != null);

        reveal(robot, "#color-auto");
        click(robot, "#color-auto");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.grading().stored(1)
                .map(s -> s.source().equals("auto")).orElse(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#color-status")
                .queryLabeled().getText().startsWith("Auto colour on"));

        reveal(robot, "#grade-temperature");
        Slider temperature = robot.lookup("#grade-temperature").queryAs(Slider.class);
        Node thumb = temperature.lookup(".thumb");
        robot.drag(centreOf(thumb), MouseButton.PRIMARY).moveBy(30, 0).moveBy(30, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> studio.grading().current(1).temperature() > 10);
        Grade stored = studio.grading().current(1);
        assertThat(stored.shots()).as("the automatic part stays under the manual change").isNotEmpty();
        assertThat(studio.grading().stored(1).orElseThrow().source()).isEqualTo("auto");

        // Divider at the far right: the band shows the source; at the far left: the graded picture, warmer.
        reveal(robot, "#before-after");
        Node view = robot.lookup("#before-after").query();
        javafx.geometry.Bounds box = onFx(() -> view.localToScreen(view.getBoundsInLocal()));
        robot.clickOn(box.getMaxX() - 2, box.getCenterY());
        WaitForAsyncUtils.waitForFxEvents();
        double before = warmth(split.getImage(), 0.5);
        robot.clickOn(box.getMinX() + 2, box.getCenterY());
        WaitForAsyncUtils.waitForFxEvents();
        double after = warmth(split.getImage(), 0.5);
        assertThat(after - before).as("red minus blue, after minus before").isGreaterThan(8);
    }

    /** Mean red minus blue in a column band of the shown picture. */
    private static double warmth(Image image, double at) {
        var reader = image.getPixelReader();
        int x0 = (int) (image.getWidth() * (at - 0.1));
        int x1 = (int) (image.getWidth() * (at + 0.1));
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = x0; x < x1; x += 2) {
                int p = reader.getArgb(x, y);
                sum += ((p >> 16) & 0xff) - (p & 0xff);
                n++;
            }
        }
        return sum / n;
    }
}
