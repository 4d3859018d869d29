package io.cutroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJobTest {
    @TempDir
    Path home;

    @Test
    void cancellingStopsBeforeTheNextFileAndKeepsTheFilesDone() {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<ImportOutcome> seen = new ArrayList<>();
        JobContext ctx = JobContext.cancelledWhen(cancelled::get);
        try (CatalogDb db = CatalogDb.open(home)) {
            ImportJob job = new ImportJob(db, List.of(TestMedia.file("video")), outcome -> {
                seen.add(outcome);
                if (seen.size() == 2) {
                    cancelled.set(true);
                }
            });
            assertThatThrownBy(() -> job.run(ctx)).isInstanceOf(JobCancelledException.class);
            assertThat(seen).hasSize(2).allMatch(o -> o instanceof ImportOutcome.Imported);
            assertThat(new AssetRepository(db).all()).extracting(a -> a.path().getFileName().toString())
                    .containsExactly("big_buck_bunny_0_30.webm", "chaplin.mp4");
        }
    }

    @Test
    void aMissingPathIsReportedAndTheRestStillImport() {
        try (CatalogDb db = CatalogDb.open(home)) {
            List<ImportOutcome> seen = new ArrayList<>();
            Path missing = home.resolve("not here.mp4");
            new ImportJob(db, List.of(missing, TestMedia.file("video/realshort.mp4")), seen::add).run(JobContext.NONE);
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0)).isInstanceOf(ImportOutcome.Failed.class);
            assertThat(((ImportOutcome.Failed) seen.get(0)).reason()).isEqualTo("no such file or folder");
            assertThat(seen.get(1)).isInstanceOf(ImportOutcome.Imported.class);
        }
    }

}
