package io.cutroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.Main;
import io.cutroom.TestMedia;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.RenderRecord;
import io.cutroom.catalog.RenderRepository;
import io.cutroom.cli.CutroomCli;
import io.cutroom.media.render.RenderPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of the CLI in the middle of an import, a tagging run and a render: the catalog passes its
 * integrity check, keeps every row committed before the kill, shows the job as interrupted, and resumes
 * it; no partial render ever carries the finished name, and the worker process does not outlive its studio.
 */
class KillNineTest {
    @TempDir
    Path dir;

    @Test
    void anImportKilledMidwayKeepsWhatItCommittedAndResumesTheRest() throws Exception {
        Path home = dir.resolve("data");
        Path media = Files.createDirectories(dir.resolve("card"));
        for (String folder : List.of("images/skimage", "images/sklearn", "video", "audio")) {
            try (Stream<Path> files = Files.list(TestMedia.file(folder))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, media.resolve(folder.replace('/', '-') + "-" + f.getFileName()));
                }
            }
        }
        Path log = dir.resolve("import.log");
        Process cli = ChildCli.startMain(Main.class.getName(), log, "import", "--home", home.toString(), media.toString());
        waitFor(() -> importedLines(log).size() >= 3, "three files imported");
        List<ProcessHandle> workers = cli.descendants().toList();
        cli.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<String> committed = importedLines(log);

        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
            Set<String> inCatalog = new AssetRepository(db).all().stream().map(a -> a.path().toString()).collect(Collectors.toSet());
            for (String line : committed) {
                assertThat(inCatalog).contains(line.substring(line.indexOf(' ', "imported ".length()) + 1));
            }
            JobJournal.Entry interrupted = new JobJournal(db).recent(1).get(0);
            assertThat(interrupted.status()).isEqualTo(JobJournal.Status.INTERRUPTED);
            assertThat(interrupted.resumable()).isTrue();

            int code = CutroomCli.run(new String[] {"resume", "--home", home.toString(), Long.toString(interrupted.id())});
            assertThat(code).isIn(0, CutroomCli.EXIT_SOME_FAILED); // the shared media include a damaged file
            long files;
            try (Stream<Path> all = Files.list(media)) {
                files = all.count();
            }
            List<Asset> assets = new AssetRepository(db).all();
            assertThat(assets).hasSize((int) files);
            assertThat(new JobJournal(db).find(interrupted.id()).orElseThrow().resumable()).isFalse();
        }
        waitFor(() -> workers.stream().noneMatch(ProcessHandle::isAlive), "the killed CLI's worker to end");
    }

    @Test
    void aRenderKilledMidwayLeavesNoFinishedFileAndStartsOverOnResume() throws Exception {
        Path home = dir.resolve("data");
        Path clip = TestMedia.makeClip(dir.resolve("long take.mp4"), 1280, 720, 40);
        Path out = dir.resolve("vertical cut.mp4");
        long assetId;
        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(CutroomCli.run(new String[] {"import", "--home", home.toString(), clip.toString()})).isZero();
            assetId = new AssetRepository(db).all().get(0).id();
        }
        Process cli = ChildCli.startMain(Main.class.getName(), dir.resolve("render.log"), "render", "--home", home.toString(),
                Long.toString(assetId), "--aspect", "9:16", "--out", out.toString());
        Path picture = RenderPipeline.pictureFile(out);
        waitFor(() -> size(picture) > 200_000, "the render to be under way");
        List<ProcessHandle> workers = cli.descendants().toList();
        cli.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(out).doesNotExist();

        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
            JobJournal.Entry interrupted = new JobJournal(db).recent(1).get(0);
            assertThat(interrupted.kind()).isEqualTo(JobJournal.Kind.RENDER);
            assertThat(interrupted.status()).isEqualTo(JobJournal.Status.INTERRUPTED);
            RenderRecord record = new RenderRepository(db).forAsset(assetId).get(0);
            assertThat(record.status()).isEqualTo(RenderRecord.Status.FAILED);
            assertThat(record.error()).startsWith("Interrupted");
            waitFor(() -> workers.stream().noneMatch(ProcessHandle::isAlive), "the killed CLI's worker to end");
            assertThat(RenderPipeline.workingFiles(out)).allMatch(f -> !Files.exists(f));

            int code = CutroomCli.run(new String[] {"resume", "--home", home.toString(), Long.toString(interrupted.id())});
            assertThat(code).isZero();
            assertThat(out).exists();
            assertThat(TestMedia.ffprobe(out).path("format").path("duration").asDouble()).isBetween(39.5, 40.5);
        }
    }

    @Test
    void aTaggingRunKilledMidwayKeepsTheTagsItStoredAndResumesTheRest() throws Exception {
        Path home = dir.resolve("data");
        Path stills = Files.createDirectories(dir.resolve("stills"));
        try (Stream<Path> files = Files.list(TestMedia.file("images/exif-orientation"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jpg")).limit(8).toList()) {
                Files.copy(f, stills.resolve(f.getFileName()));
            }
        }
        Files.copy(TestMedia.file("images/skimage/chelsea.png"), stills.resolve("chelsea.png"));
        Files.copy(TestMedia.file("images/skimage/astronaut.png"), stills.resolve("astronaut.png"));
        assertThat(CutroomCli.run(new String[] {"import", "--home", home.toString(), stills.toString()})).isZero();
        Path log = dir.resolve("tag.log");
        Process cli = ChildCli.startMain(Main.class.getName(), log, "tag", "--all", "--home", home.toString());
        waitFor(() -> taggedLines(log).size() >= 2, "two stills tagged");
        cli.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<Long> stored = taggedLines(log);

        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
            Set<Long> withTags = new io.cutroom.catalog.TagRepository(db).taggedAssetIds();
            assertThat(withTags).containsAll(stored);
            JobJournal.Entry interrupted = new JobJournal(db).recent(1).get(0);
            assertThat(interrupted.kind()).isEqualTo(JobJournal.Kind.TAG);
            assertThat(interrupted.status()).isEqualTo(JobJournal.Status.INTERRUPTED);

            int code = CutroomCli.run(new String[] {"resume", "--home", home.toString(), Long.toString(interrupted.id())});
            assertThat(code).isZero();
            assertThat(new io.cutroom.catalog.TagRepository(db).taggedAssetIds()).hasSize(10);
        }
    }

    /** The asset ids the tag command reported as stored: it prints "ID  NAME: ..." after each commit. */
    private static List<Long> taggedLines(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.matches("^\\d+  .*"))
                    .map(l -> Long.parseLong(l.substring(0, l.indexOf(' ')))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> importedLines(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.startsWith("imported ")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
