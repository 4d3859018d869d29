package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.media.render.CropTrack;
import io.cutroom.reframe.Pin;
import io.cutroom.reframe.Reframer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The reframe editor: reframe a real clip from the clip view, see the crop window, drag it to pin a correction. */
class StudioReframeTest extends StudioUiTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void reframesFromTheClipViewAndADragPinsTheWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.importPaths(List.of(TestMedia.file("video/chaplin.mp4")))).get(10, TimeUnit.SECONDS)
                .orElseThrow().result().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".asset-card").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS); // past the library's refresh throttle: the card stays
        WaitForAsyncUtils.waitForFxEvents();
        click(robot, ".asset-card");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".reframe-section").tryQuery().isPresent());
        click(robot, ".reframe-section .title"); // the section opens when wanted
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Not reframed for 9:16 yet.").tryQuery().isPresent());
        Button reframe = robot.lookup(".reframe-panel .button").queryAllAs(Button.class).stream()
                .filter(b -> "Reframe".equals(b.getText())).findFirst().orElseThrow();
        click(robot, reframe);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> studio.reframes().find(1, "9:16").isPresent()
                && robot.lookup(".crop-window").match(Node::isVisible).tryQuery().isPresent());
        CropTrack planned = CropTrack.fromJson(studio.reframes().find(1, "9:16").orElseThrow().track());
        double before = planned.windowAt(0).x();

        Node frame = robot.lookup(".crop-window").query();
        double dx = before > 0.3 ? -60 : 60;
        robot.drag(centreOf(frame), MouseButton.PRIMARY).moveBy(dx / 2, 0).moveBy(dx / 2, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Reframer.pinsFromJson(
                studio.reframes().find(1, "9:16").orElseThrow().pins()).isEmpty());
        Pin pin = Reframer.pinsFromJson(studio.reframes().find(1, "9:16").orElseThrow().pins()).get(0);
        CropTrack corrected = CropTrack.fromJson(studio.reframes().find(1, "9:16").orElseThrow().track());
        CropTrack.Keyframe at = corrected.keyframes().stream().filter(k -> Math.abs(k.t() - pin.t()) < 1e-6).findFirst().orElseThrow();
        assertThat(at.window().x() + at.window().w() / 2).isCloseTo(pin.cx(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Math.signum(pin.cx() - (planned.windowAt(pin.t()).x() + planned.windowAt(pin.t()).w() / 2)))
                .isEqualTo(Math.signum(dx));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("1 correction(s).").tryQuery().isPresent()
                || robot.lookup(n -> n instanceof javafx.scene.control.Label l && l.getText().contains("1 correction(s)")).tryQuery().isPresent());
    }
}
