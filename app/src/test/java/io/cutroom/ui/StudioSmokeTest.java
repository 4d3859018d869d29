package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio window opens headless, imports a clip, and shows its card; clicking the card shows its details. */
@ExtendWith(ApplicationExtension.class)
class StudioSmokeTest {
    @TempDir
    Path home;
    private Studio studio;
    private StudioWindow window;

    /** Imports through the window as the menu and drag-and-drop do, then waits until the grid is still. */
    private void importAndSettle(FxRobot robot, Path file) throws Exception {
        var handle = WaitForAsyncUtils.asyncFx(() -> window.importPaths(List.of(file)).orElseThrow()).get(10, TimeUnit.SECONDS);
        handle.result().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup(".asset-card").queryAll().isEmpty());
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS); // past the library's refresh throttle
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Start
    void start(Stage stage) {
        StudioTestWindow opened = StudioTestWindow.open(stage, home);
        studio = opened.studio();
        window = opened.window();
    }

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void importsAClipAndShowsItsCard(FxRobot robot) throws Exception {
        assertThat(robot.lookup("Your catalog is empty").tryQuery()).isPresent();
        Path clip = TestMedia.file("video/chaplin.mp4");
        importAndSettle(robot, clip);
        Set<Node> cards = robot.lookup(".asset-card").queryAll();
        assertThat(cards).hasSize(1);
        assertThat(robot.from(cards.iterator().next()).lookup(".asset-name").queryAs(Label.class).getText())
                .isEqualTo("chaplin.mp4");
        assertThat(window.library().shownAssets()).extracting(a -> a.path()).containsExactly(clip);

        StudioUiTest.click(robot, ".asset-card");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".metadata").tryQuery().isPresent());
        assertThat(robot.lookup("h264").tryQuery()).isPresent();
        assertThat(robot.lookup("Filmstrip").tryQuery()).isPresent();
    }

    @Test
    void exportsAClipFromTheClipViewAndListsTheRender(FxRobot robot, @TempDir Path footage) throws Exception {
        Path clip = java.nio.file.Files.copy(TestMedia.file("video/realshort.mp4"), footage.resolve("short.mp4"));
        importAndSettle(robot, clip);
        StudioUiTest.click(robot, ".asset-card");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Export…").tryQuery().isPresent());
        StudioUiTest.reveal(robot, "Export…");
        StudioUiTest.click(robot, "Export…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Save as").tryQuery().isPresent());
        StudioUiTest.click(robot, "Export");
        Path expected = footage.resolve("short-social-vertical.mp4");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("short-social-vertical.mp4").tryQuery().isPresent()
                && robot.lookup(".render-row").queryAll().stream().anyMatch(n -> n.lookup(".ikonli-font-icon") != null)
                && java.nio.file.Files.exists(expected));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> studio.renders().forAsset(1).stream()
                .anyMatch(r -> r.status() == io.cutroom.catalog.RenderRecord.Status.DONE));
        assertThat(expected).exists();
        assertThat(studio.renders().forAsset(1)).singleElement()
                .satisfies(r -> assertThat(r.width()).isEqualTo(1080));
    }

    @Test
    void aWebmPlaysThroughDecodedFrames(FxRobot robot) throws Exception {
        importAndSettle(robot, TestMedia.file("video/big_buck_bunny_0_30.webm"));
        StudioUiTest.click(robot, ".asset-card");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".button-circle").tryQuery().isPresent());
        StudioUiTest.click(robot, ".button-circle");
        // JavaFX media cannot play WebM: the frame player decodes it, and the clock moves on.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".timecode").queryAs(Label.class)
                .getText().matches("0:0[1-9].*"));
        boolean decodedFrameShown = robot.lookup(".preview").queryAll().stream()
                .flatMap(n -> n.lookupAll(".image-view").stream())
                .anyMatch(n -> ((javafx.scene.image.ImageView) n).getImage() instanceof javafx.scene.image.WritableImage);
        assertThat(decodedFrameShown).isTrue();
        robot.type(javafx.scene.input.KeyCode.SPACE); // the space bar pauses
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        String paused = robot.lookup(".timecode").queryAs(Label.class).getText();
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        assertThat(robot.lookup(".timecode").queryAs(Label.class).getText()).isEqualTo(paused);
    }

    @Test
    void aBrokenFileShowsAsAFailedCardWithItsReason(FxRobot robot) throws Exception {
        Path broken = TestMedia.file("images/skimage/truncated.jpg");
        importAndSettle(robot, broken);
        assertThat(robot.lookup(".asset-card.failed").tryQuery()).isPresent();
        StudioUiTest.click(robot, ".asset-card.failed");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".clip-error").tryQuery().isPresent());
        assertThat(robot.lookup(".clip-error").queryAs(Label.class).getText()).contains("damaged or truncated");
    }
}
