package io.cutroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.cli.CutroomCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cutroom catalog copy} moves a used SQLite catalog into PostgreSQL and back with every row, thumbnail and job;
 * {@code catalog use} then opens the shared one from a data folder.
 */
class CatalogCopyTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run cutroom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CutroomCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aUsedCatalogGoesToPostgresqlAndBackWithEveryRow() throws Exception {
        Path home = dir.resolve("studio");
        String h = "--home=" + home;
        Path media = Files.createDirectories(dir.resolve("média"));
        Path cup = Files.copy(TestMedia.file("video/cup.mp4"), media.resolve("cup 'take' 2.mp4"));
        assertThat(cutroom("import", h, cup.toString(), TestMedia.file("video/chaplin.mp4").toString()).code()).isZero();
        for (String[] args : List.of(new String[] {"rate", h, "1", "4"}, new String[] {"flag", h, "2", "reject"},
                new String[] {"note", h, "1", "A hand lifts the mug"}, new String[] {"marker", h, "1", "1.5", "lift"},
                new String[] {"select", h, "1", "--in", "0.5", "--out", "2.0", "--name", "Lift"},
                new String[] {"collection", "create", h, "Client/Keepers"}, new String[] {"collection", "add", h, "Client/Keepers", "2", "1"},
                new String[] {"profile", "add", h, "Ana", "--interests", "person"},
                new String[] {"color", h, "1", "--temperature", "12"})) {
            Run run = cutroom(args);
            assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isZero();
        }
        // Work still queued is not copied: the nodes would lose it. Cancelled, it is copied as a record.
        String queued = cutroom("queue", "tag", h, "1", "2").out().strip();
        String batch = queued.substring(queued.lastIndexOf(' ') + 1);
        CatalogLocation.Shared early = PostgresServer.get().database("copy_" + UUID.randomUUID().toString().replace("-", ""));
        Run refused = cutroom("catalog", "copy", h, "--to", early.url());
        assertThat(refused.code()).isEqualTo(CutroomCli.EXIT_ERROR);
        assertThat(refused.err()).contains("2 queued pieces of work not finished yet");
        assertThat(cutroom("queue", "cancel", h, batch).out()).contains("cancelled 2 of batch " + batch);
        List<String> before = facts(new CatalogLocation.Embedded(home));

        CatalogLocation.Shared shared = PostgresServer.get().database("copy_" + UUID.randomUUID().toString().replace("-", ""));
        Run there = cutroom("catalog", "copy", h, "--to", shared.url());
        assertThat(there.code()).as(there.err()).isZero();
        assertThat(there.out()).contains("every row arrived: 23 tables").contains("thumbnails").doesNotContain("!=");
        assertThat(facts(shared)).isEqualTo(before);

        Run again = cutroom("catalog", "copy", h, "--to", shared.url());
        assertThat(again.code()).isEqualTo(CutroomCli.EXIT_ERROR);
        assertThat(again.err()).contains("is not empty").contains("never overwrites");

        Path back = dir.resolve("back");
        Run home2 = cutroom("catalog", "copy", h, "--from", shared.url(), "--to", back.toString());
        assertThat(home2.code()).as(home2.err()).isZero();
        assertThat(facts(new CatalogLocation.Embedded(back))).isEqualTo(before);

        Path workstation = dir.resolve("workstation");
        assertThat(cutroom("catalog", "use", "--home=" + workstation, shared.url()).out()).contains("now opens the PostgreSQL database");
        assertThat(cutroom("catalog", "info", "--home=" + workstation).out()).contains("shared: yes");
        Run added = cutroom("import", "--home=" + workstation, TestMedia.file("video/fire2.mp4").toString());
        assertThat(added.code()).as(added.err()).isZero();
        try (CatalogDb db = CatalogDb.open(workstation)) {
            assertThat(db.shared()).isTrue();
            assertThat(new AssetRepository(db).all()).extracting(Asset::id).containsExactlyInAnyOrder(1L, 2L, 3L);
        }
    }

    /** What a user would compare: the assets, a thumbnail's bytes, the jobs, the logs, collections and the grade. */
    private static List<String> facts(CatalogLocation location) {
        List<String> facts = new ArrayList<>();
        try (CatalogDb db = CatalogDb.open(location)) {
            for (Asset a : new AssetRepository(db).all()) {
                facts.add(a.id() + " " + a.path() + " " + a.sha256() + " " + a.sizeBytes());
                facts.add("poster " + new ThumbnailRepository(db).cardPicture(a.id()).map(t -> Arrays.hashCode(t.bytes())).orElse(0));
            }
            new JobJournal(db).recent(100).forEach(j -> facts.add("job " + j.id() + " " + j.kind() + " " + j.status() + " " + j.title()));
            new AssetLogRepository(db).all().forEach((id, log) -> facts.add("log " + id + " " + log));
            new CollectionRepository(db).all().forEach(c -> facts.add("collection " + c + " "
                    + new CollectionRepository(db).members(c.id())));
            facts.add("grade " + new GradeRepository(db).find(1).map(GradeRepository.Stored::grade).orElse("none"));
            new QueuedWorkRepository(db).recent(10).forEach(w -> facts.add("queued " + w.assetId() + " " + w.state()));
        }
        return facts;
    }
}
