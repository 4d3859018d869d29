package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.QueuedWorkRepository;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.ingest.ContentHash;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Work queued for the nodes shows in the jobs panel with its progress, its cancel reaches the shared queue, and the
 * workstation itself can work for the queue.
 */
class StudioQueueTest extends StudioUiTest {
    @Start
    void start(Stage stage) {
        TestCatalogs.prepare(home);
        open(stage);
    }

    @Test
    void untaggedStillsQueuedForNodesShowInTheJobsPanelAndCancelEverywhere(FxRobot robot) throws Exception {
        // On a shared catalog the studio starts working for the queue as it opens; this test first wants it idle.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> studio.worksForQueue() == TestCatalogs.onPostgres());
        studio.workForQueue(false);
        try (CatalogDb db = TestCatalogs.open(home)) {
            AssetRepository assets = new AssetRepository(db);
            for (String name : List.of("dog_beagle.jpg", "horse_jockey.jpg")) {
                Path still = Files.copy(TestMedia.file("images/objects/" + name), home.resolve(name));
                MediaInfo info = new MediaInfo(MediaKind.IMAGE, "mjpeg", null, 640, 427, null, 0, "yuvj420p", "jpeg", null,
                        null, null, null, Map.of(), null);
                assets.saveReady(new AssetRepository.FileFacts(still, Files.size(still), ContentHash.sha256(still)), info,
                        List.of(), null);
            }
            AtomicReference<String> said = new AtomicReference<>();
            studio.tagging().queueUntaggedForNodes(said::set);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> said.get() != null);
            assertThat(said.get()).startsWith("Queued 2 files for the nodes as batch ");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rowText(robot).contains("0 of 2 done · 2 waiting for a node"));

            // The button's own action, as a click gives it: the jobs panel sits at the window's foot, where the headless
            // test window may have cut the row off, and a pointer click there lands on nothing.
            Button cancel = onFx(() -> robot.lookup(".queue-row .job-cancel").<Button>query());
            WaitForAsyncUtils.asyncFx(cancel::fire).get(5, TimeUnit.SECONDS);
            String batch = said.get().substring(said.get().lastIndexOf(' ') + 1, said.get().length() - 1);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new QueuedWorkRepository(db).batch(batch).stream()
                    .allMatch(w -> w.state() == QueuedWorkRepository.State.CANCELLED));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rowText(robot).contains("2 cancelled"));

            // This workstation works for the queue too: queued again, its own node tags both.
            studio.workForQueue(true);
            said.set(null);
            studio.tagging().queueUntaggedForNodes(said::set);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> said.get() != null);
            String again = said.get().substring(said.get().lastIndexOf(' ') + 1, said.get().length() - 1);
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> new QueuedWorkRepository(db).batch(again).stream()
                    .allMatch(w -> w.state().finished()));
            assertThat(new QueuedWorkRepository(db).batch(again)).allSatisfy(w -> assertThat(w.state())
                    .as(w.message()).isEqualTo(QueuedWorkRepository.State.DONE));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rowText(robot).contains("2 of 2 done"));
            studio.workForQueue(false);
        }
    }

    private String rowText(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".queue-row .job-message").tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }
}
