package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobArgs;
import io.cutroom.catalog.JobJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An import the last session never finished is offered when the studio opens, and resumes with one click. */
class StudioResumeTest extends StudioUiTest {
    /** No process has this id (Linux ids stop at 2^22), so the job's owner is certainly gone. */
    private static final long GONE_PID = 99_999_999L;

    @Start
    void start(Stage stage) {
        leaveAnInterruptedImport();
        open(stage);
    }

    private void leaveAnInterruptedImport() {
        try {
            Path card = Files.createDirectories(home.resolve("card"));
            Path a = Files.copy(TestMedia.file("images/skimage/astronaut.png"), card.resolve("astronaut.png"));
            Path b = Files.copy(TestMedia.file("images/skimage/rocket.jpg"), card.resolve("rocket.jpg"));
            try (CatalogDb db = CatalogDb.open(home)) {
                long id = new JobJournal(db).started(JobJournal.Kind.IMPORT, "Import 2 items",
                        JobArgs.write(Map.of("paths", List.of(a.toString(), b.toString()))));
                db.write(c -> {
                    try (PreparedStatement st = c.prepareStatement("UPDATE jobs SET owner_pid = ? WHERE id = ?")) {
                        st.setLong(1, GONE_PID);
                        st.setLong(2, id);
                        return st.executeUpdate();
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theInterruptedImportIsShownAndResumeBringsInItsFiles(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".job-interrupted").tryQuery().isPresent());
        assertThat(robot.from(robot.lookup(".job-interrupted").queryAll()).lookup(".job-message").queryAs(Label.class).getText())
                .startsWith("Interrupted");
        click(robot, "Resume");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> studio.assets().all().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".job-interrupted").tryQuery()).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> studio.resumableJobs().isEmpty());
    }
}
