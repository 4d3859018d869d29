package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cutroom.TestMedia;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio's catalog on a small tmpfs that fills up while the editor grades: the colour panel says the grade
 * was not saved, and why, instead of going on as if it had been. Needs the right to mount; skipped without it.
 */
class StudioFullDiskTest extends StudioUiTest {
    private boolean mounted;

    @Start
    void start(Stage stage) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", home.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        mounted = p.waitFor() == 0;
        open(stage);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            studio.close();
            new ProcessBuilder("umount", "-l", home.toString()).redirectErrorStream(true).start().waitFor();
        }
    }

    @Test
    void aGradeTheFullDiskCannotTakeIsReportedInThePanel(FxRobot robot) throws Exception {
        assumeTrue(mounted, "mounting a small tmpfs needs root and the right to mount");
        openColourPanelOf(robot, TestMedia.file("images/skimage/coffee.png"));
        fill(home);

        reveal(robot, "#grade-temperature");
        Slider temperature = robot.lookup("#grade-temperature").queryAs(Slider.class);
        Node thumb = temperature.lookup(".thumb");
        robot.drag(centreOf(thumb), MouseButton.PRIMARY).moveBy(30, 0).moveBy(30, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#color-status").queryLabeled().getText()
                .startsWith("The grade was not saved."));
        assertThat(robot.lookup("#color-status").queryLabeled().getText())
                .isEqualTo("The grade was not saved. The catalog could not store this change: the disk it is on is full."
                        + " Free some space and try again.");
        assertThat(studio.grading().stored(1)).as("nothing half-stored").isEmpty();
    }

    /** Writes zeros until the disk refuses more. */
    private static void fill(Path disk) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left");
        }
    }
}
