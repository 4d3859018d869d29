package io.cutroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.ingest.ImportJob;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.JobContext;
import io.cutroom.soak.FuzzCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile media made from real files go through import: every file ends as a ready row or a failed row
 * with a sentence, nothing escapes as an unexpected error, and the catalog stays sound.
 */
class FuzzedMediaTest {
    @TempDir
    Path dir;

    @Test
    void everyFuzzedFileEndsAsARowOrAClearErrorAndTheCatalogStaysSound() throws Exception {
        List<FuzzCorpus.Item> corpus = FuzzCorpus.generate(List.of(TestMedia.file("video/realshort.mp4"),
                TestMedia.file("images/skimage/rocket.jpg"), TestMedia.file("audio/mp3_sample.mp3")), dir.resolve("corpus"), 7);
        Map<Path, String> kinds = corpus.stream().collect(Collectors.toMap(i -> i.file().toAbsolutePath(), FuzzCorpus.Item::kind));
        List<ImportOutcome> outcomes = new ArrayList<>();
        try (CatalogDb db = CatalogDb.open(dir.resolve("data"))) {
            new ImportJob(db, List.of(dir.resolve("corpus")), outcomes::add).run(JobContext.NONE);
            Set<Path> reported = outcomes.stream().map(o -> o.path().toAbsolutePath()).collect(Collectors.toSet());
            assertThat(reported).containsAll(kinds.keySet());
            for (ImportOutcome outcome : outcomes) {
                if (outcome instanceof ImportOutcome.Failed failed) {
                    assertThat(failed.reason()).as(kinds.get(failed.path()) + " " + failed.path().getFileName())
                            .isNotBlank().doesNotContain("unexpected").doesNotContain("Exception").doesNotContain("\n\tat ");
                }
            }
            assertThat(outcomes).filteredOn(o -> o.path().toString().contains("huge-dimensions"))
                    .allMatch(o -> o instanceof ImportOutcome.Failed);
            // One content, one row: the twelve empty files, for instance, share a row.
            Set<String> contents = new java.util.HashSet<>();
            for (Path file : kinds.keySet()) {
                contents.add(io.cutroom.ingest.ContentHash.sha256(file));
            }
            List<Asset> rows = new AssetRepository(db).all();
            assertThat(rows).hasSize(contents.size());
            assertThat(db.integrityCheck()).isEqualTo("ok");
            assertThat(rows).filteredOn(Asset::isReady).isNotEmpty();
        }
    }
}
