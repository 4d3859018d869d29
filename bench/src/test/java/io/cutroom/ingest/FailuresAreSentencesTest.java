package io.cutroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobRunner;
import io.cutroom.soak.FuzzCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files (the fuzz corpus made from real media, seeded) and the odd WAVs are imported; every file
 * that fails says why in a sentence, with no exception's name, {@code null}, {@code ==}, FFmpeg's hints or a
 * Java class name in it.
 */
class FailuresAreSentencesTest {
    @TempDir
    Path dir;

    @Test
    void everyFailedImportSaysWhyInASentence() throws Exception {
        List<Path> sources = List.of(TestMedia.file("video/realshort.mp4"), TestMedia.file("images/skimage/chelsea.png"),
                TestMedia.file("audio/mp3_sample.mp3"));
        FuzzCorpus.generate(sources, dir.resolve("corpus"), 11);
        List<ImportOutcome> outcomes = new ArrayList<>();
        try (CatalogDb db = CatalogDb.open(dir.resolve("home")); JobRunner runner = JobRunner.sameThread()) {
            runner.submit(JobRunner.Lane.IMPORT, new ImportJob(db, List.of(dir.resolve("corpus"), TestMedia.file("audio/odd-wav")),
                    outcomes::add), p -> { }).result().get();
        }
        List<String> reasons = outcomes.stream().filter(o -> o instanceof ImportOutcome.Failed)
                .map(o -> ((ImportOutcome.Failed) o).reason()).toList();
        assertThat(reasons).as("the corpus holds files that must fail").hasSizeGreaterThan(10);
        assertThat(reasons).allSatisfy(reason -> {
            assertThat(reason).isNotBlank();
            assertThat(ErrorSentence.holdsLibraryWords(reason)).as(reason).isFalse();
        });
    }
}
