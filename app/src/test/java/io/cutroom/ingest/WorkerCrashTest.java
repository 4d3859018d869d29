package io.cutroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobHandle;
import io.cutroom.jobs.JobListener;
import io.cutroom.jobs.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A native crash while importing one file costs that file only: the jobs, the catalog and this process go on. */
class WorkerCrashTest {
    @TempDir
    Path home;

    @Test
    void aNativeCrashInTheWorkerFailsOneFileAndTheQueueAndCatalogCarryOn() throws Exception {
        Path media = Files.createDirectories(home.resolve("media"));
        Path before = Files.copy(TestMedia.file("images/skimage/astronaut.png"), media.resolve("astronaut.png"));
        Path poison = Files.copy(TestMedia.file("images/skimage/coffee.png"), media.resolve("poison.png"));
        Path after = Files.copy(TestMedia.file("images/skimage/chelsea.png"), media.resolve("chelsea.png"));
        try (CatalogDb db = CatalogDb.open(home.resolve("data")); JobRunner jobs = JobRunner.background()) {
            Importer importer = new Importer(db, CrashingDecoder::new);
            JobHandle<List<ImportOutcome>> first = jobs.submit(JobRunner.Lane.IMPORT,
                    importing(List.of(before, poison, after), importer), JobListener.NONE);
            List<ImportOutcome> outcomes = first.result().get(120, TimeUnit.SECONDS);

            assertThat(outcomes.get(0)).isInstanceOf(ImportOutcome.Imported.class);
            assertThat(outcomes.get(1)).isInstanceOf(ImportOutcome.Failed.class);
            String reason = ((ImportOutcome.Failed) outcomes.get(1)).reason();
            assertThat(reason).contains("crashed in native code").contains("\"poison.png\"");
            assertThat(outcomes.get(2)).isInstanceOf(ImportOutcome.Imported.class);

            // The queue still takes work, and a fresh worker does it.
            Path later = Files.copy(TestMedia.file("images/skimage/rocket.jpg"), media.resolve("rocket.jpg"));
            JobHandle<List<ImportOutcome>> second = jobs.submit(JobRunner.Lane.IMPORT,
                    importing(List.of(later), new Importer(db)), JobListener.NONE);
            assertThat(second.result().get(120, TimeUnit.SECONDS).get(0)).isInstanceOf(ImportOutcome.Imported.class);

            List<Asset> rows = new AssetRepository(db).all();
            assertThat(rows).hasSize(4);
            assertThat(rows).filteredOn(a -> !a.isReady()).extracting(a -> a.path().getFileName().toString())
                    .containsExactly("poison.png");
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    private static Job<List<ImportOutcome>> importing(List<Path> files, Importer importer) {
        return new Job<>() {
            @Override
            public String title() {
                return "Import " + files.size();
            }

            @Override
            public List<ImportOutcome> run(io.cutroom.jobs.JobContext ctx) {
                List<ImportOutcome> outcomes = new ArrayList<>();
                files.forEach(f -> outcomes.add(importer.importFile(f)));
                return outcomes;
            }
        };
    }
}
