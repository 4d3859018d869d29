package io.cutroom.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.JobContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files moved, renamed or changed outside Cutroom: found again by content, their rows following them. */
class RelinkerTest {
    @TempDir
    Path dir;
    private CatalogDb db;
    private Path footage;

    @BeforeEach
    void importTwoClips() throws Exception {
        db = TestCatalogs.open(dir.resolve("home"));
        footage = Files.createDirectories(dir.resolve("footage"));
        Files.copy(TestMedia.file("video/chaplin.mp4"), footage.resolve("chaplin.mp4"));
        Files.copy(TestMedia.file("video/cup.mp4"), footage.resolve("cup.mp4"));
        List<ImportOutcome> outcomes = new Workspace(db).importFiles(List.of(footage), o -> { }).job().run(JobContext.NONE);
        assertThat(outcomes).allMatch(o -> o instanceof ImportOutcome.Imported);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aMovedAndRenamedFileIsFoundByContentAndKeepsItsLogAndCollections() throws Exception {
        long chaplin = new AssetRepository(db).findByPath(footage.resolve("chaplin.mp4").toRealPath()).orElseThrow().id();
        Curation curation = new Curation(db);
        curation.rate(chaplin, 5);
        curation.createCollection("Keepers", null);
        curation.addToCollection("Keepers", List.of(chaplin));

        Path moved = Files.createDirectories(dir.resolve("archive/2026"));
        Files.move(footage.resolve("chaplin.mp4"), moved.resolve("The Tramp \"final\".mp4"));
        assertThat(new Relinker(db).offline()).extracting(a -> a.id()).containsExactly(chaplin);

        Relinker.Report report = new Relinker(db).relink(dir.resolve("archive"), JobContext.NONE);
        assertThat(report.moved()).singleElement().satisfies(m -> {
            assertThat(m.assetId()).isEqualTo(chaplin);
            assertThat(m.to().getFileName().toString()).isEqualTo("The Tramp \"final\".mp4");
        });
        assertThat(report.offline()).isEmpty();
        assertThat(new AssetRepository(db).find(chaplin).orElseThrow().path()).isEqualTo(moved.resolve("The Tramp \"final\".mp4").toRealPath());
        assertThat(curation.log(chaplin)).isEqualTo(new AssetLog(5, AssetLog.Flag.NONE, null, null));
        assertThat(curation.members("Keepers")).extracting(a -> a.id()).containsExactly(chaplin);
    }

    @Test
    void aFileChangedInPlaceIsProbedAgainUnderTheSameId() throws Exception {
        Path cup = footage.resolve("cup.mp4").toRealPath();
        long id = new AssetRepository(db).findByPath(cup).orElseThrow().id();
        Files.copy(TestMedia.file("video/realshort.mp4"), cup, StandardCopyOption.REPLACE_EXISTING);

        Relinker.Report report = new Relinker(db).relink(footage, JobContext.NONE);
        assertThat(report.changed()).singleElement().satisfies(c -> {
            assertThat(c.assetId()).isEqualTo(id);
            assertThat(c.outcome()).isInstanceOf(ImportOutcome.Imported.class);
        });
        assertThat(new AssetRepository(db).find(id).orElseThrow().info().durationSec()).isCloseTo(1.2, within(0.2));
        assertThat(report.moved()).isEmpty();
    }

    @Test
    void aFileThatIsNowhereStaysOfflineAndNothingElseMoves() throws Exception {
        Files.delete(footage.resolve("cup.mp4"));
        Relinker.Report report = new Relinker(db).relink(footage, JobContext.NONE);
        assertThat(report.offline()).extracting(a -> a.path().getFileName().toString()).containsExactly("cup.mp4");
        assertThat(report.moved()).isEmpty();
        assertThat(report.changed()).isEmpty();
    }
}
