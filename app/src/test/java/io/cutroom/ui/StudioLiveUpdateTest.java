package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.color.ClipGrading;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.Grade;
import io.cutroom.usecases.Curation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Another workstation's import, rating and grade reach this studio within two seconds, without a reload: run on
 * the SQLite file (another process on this machine) and, in the PostgreSQL test run, on a shared catalog.
 */
class StudioLiveUpdateTest extends StudioUiTest {
    @Start
    void start(Stage stage) {
        TestCatalogs.prepare(home);
        open(stage);
    }

    @Test
    void anImportAndARatingMadeElsewhereShowWithinTwoSeconds(FxRobot robot) throws Exception {
        Path still = Files.copy(TestMedia.file("images/objects/dog_beagle.jpg"), home.resolve("beagle.jpg"));
        try (CatalogDb elsewhere = TestCatalogs.open(home)) {
            MediaInfo info = new MediaInfo(MediaKind.IMAGE, "mjpeg", null, 640, 427, null, 0, "yuvj420p", "jpeg", null,
                    null, null, null, Map.of(), null);
            long added = System.nanoTime();
            long id = new AssetRepository(elsewhere).saveReady(
                    new AssetRepository.FileFacts(still, Files.size(still), "beagle-sha"), info, List.of(), null);
            WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> window.library().shownAssets().size() == 1);
            System.out.printf("live update: an import elsewhere showed after %.2f s%n", (System.nanoTime() - added) / 1e9);

            long rated = System.nanoTime();
            new Curation(elsewhere).rate(id, 3);
            WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(".log-stars").tryQuery()
                    .map(n -> ((Label) n).getText().equals("★★★☆☆")).orElse(false)));
            System.out.printf("live update: a rating elsewhere showed after %.2f s%n", (System.nanoTime() - rated) / 1e9);
            assertThat(studio.curation().log(id).rating()).isEqualTo(3);

            // A grade stored elsewhere reaches the screens too (the clip view reads its colour panel again).
            AtomicInteger told = new AtomicInteger();
            WaitForAsyncUtils.asyncFx(() -> studio.onCatalogChanged(told::incrementAndGet)).get(5, TimeUnit.SECONDS);
            long graded = System.nanoTime();
            new ClipGrading(elsewhere).saveManual(id, new Grade(0.5, 1.0, 1.0, 10.0, 0.0, null, 1.0, null));
            WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> told.get() > 0);
            System.out.printf("live update: a grade elsewhere was told after %.2f s%n", (System.nanoTime() - graded) / 1e9);
        }
    }
}
