package io.cutroom.soak;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.RenderRecord;
import io.cutroom.catalog.RenderRepository;
import io.cutroom.catalog.TagRepository;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.RenderPipeline;
import io.cutroom.reliability.ChildCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Kills the command line with SIGKILL at random moments of imports, renders and tagging runs on one
 * catalog, and after each kill opens the catalog as the next session would: is it sound, does it hold
 * every row the killed process said it committed, is the job shown as interrupted, and does any
 * unfinished render carry the finished name.
 */
public final class KillLoop {
    /** What the loop found. */
    public static final class Result {
        public int kills;
        public int importKills;
        public int renderKills;
        public int tagKills;
        public int finishedBeforeKill;
        public int rowsCommittedBeforeKills;
        public int rowsLost;
        public int integrityOk;
        public int interruptedShown;
        public int finishedNamesWithoutRender;
        public int orphanWorkers;
    }

    private final Soak.Options options;
    private final Consumer<String> say;
    private final Random random;
    private final Path home;

    KillLoop(Soak.Options options, Consumer<String> say) {
        this.options = options;
        this.say = say;
        this.random = new Random(options.seed());
        this.home = options.work().resolve("kill-catalog");
    }

    Result run() throws Exception {
        Result result = new Result();
        for (int round = 0; round < options.kills(); round++) {
            long renderable = renderableAsset();
            String kind = renderable == 0 ? "import" : List.of("import", "render", "tag").get(round % 3);
            boolean render = kind.equals("render");
            long delayMs = 300 + random.nextInt(kind.equals("import") ? 2500 : 8000);
            Path log = options.work().resolve("kill-" + round + ".log");
            Path out = options.work().resolve("kill-" + round + " render.mp4");
            Process cli = switch (kind) {
                case "render" -> ChildCli.start(log, "render", "--home", home.toString(), Long.toString(renderable),
                        "--aspect", "9:16", "--out", out.toString());
                case "tag" -> ChildCli.start(log, "tag", "--all", "--again", "--home", home.toString());
                default -> ChildCli.start(log, "import", "--home", home.toString(), freshCopies(round).toString());
            };
            boolean finished = cli.waitFor(delayMs, TimeUnit.MILLISECONDS);
            List<ProcessHandle> workers = cli.descendants().toList();
            if (!finished) {
                cli.destroyForcibly();
                cli.waitFor(30, TimeUnit.SECONDS);
            }
            result.kills++;
            result.finishedBeforeKill += finished ? 1 : 0;
            switch (kind) {
                case "render" -> result.renderKills++;
                case "tag" -> result.tagKills++;
                default -> result.importKills++;
            }
            check(result, log, render ? out : null, finished);
            if (!waitGone(workers)) {
                result.orphanWorkers++;
            }
            say.accept("kill " + (round + 1) + "/" + options.kills() + ": " + kind + " after "
                    + delayMs + " ms" + (finished ? " (it had already finished)" : ""));
        }
        return result;
    }

    private void check(Result result, Path log, Path renderOut, boolean finished) throws IOException {
        List<String> lines = Files.readAllLines(log);
        List<String> committed = lines.stream().filter(l -> l.startsWith("imported ")).toList();
        // The tag command prints "ID  NAME: ..." once an asset's tags are stored.
        List<Long> tagged = lines.stream().filter(l -> l.matches("^\\d+  .*"))
                .map(l -> Long.parseLong(l.split(" ")[0])).toList();
        try (CatalogDb db = CatalogDb.open(home)) {
            if ("ok".equals(db.integrityCheck())) {
                result.integrityOk++;
            }
            Set<Long> ids = new AssetRepository(db).all().stream().map(Asset::id).collect(Collectors.toSet());
            result.rowsCommittedBeforeKills += committed.size();
            for (String line : committed) {
                if (!ids.contains(Long.parseLong(line.split(" ")[1]))) {
                    result.rowsLost++;
                }
            }
            Set<Long> withTags = new TagRepository(db).taggedAssetIds();
            result.rowsCommittedBeforeKills += tagged.size();
            result.rowsLost += (int) tagged.stream().filter(id -> !withTags.contains(id)).count();
            List<JobJournal.Entry> latest = new JobJournal(db).recent(1);
            if (!finished && !latest.isEmpty() && latest.get(0).status() == JobJournal.Status.INTERRUPTED) {
                result.interruptedShown++;
            }
            if (renderOut != null && Files.exists(renderOut)) {
                boolean recorded = new RenderRepository(db).forAsset(renderableAsset(db)).stream()
                        .anyMatch(r -> r.status() == RenderRecord.Status.DONE && r.output().equals(renderOut.toAbsolutePath()));
                if (!recorded) {
                    result.finishedNamesWithoutRender++;
                }
            }
            if (renderOut != null && !finished
                    && RenderPipeline.workingFiles(renderOut.toAbsolutePath()).stream().anyMatch(Files::exists)) {
                say.accept("a hidden working file was left beside " + renderOut.getFileName());
            }
        }
    }

    /** The sources again, each with a different last byte, so every round has new files to import. */
    private Path freshCopies(int round) throws IOException {
        Path folder = Files.createDirectories(options.work().resolve("card-" + round));
        for (Path source : options.sources()) {
            byte[] bytes = Files.readAllBytes(source);
            byte[] changed = Arrays.copyOf(bytes, bytes.length + 1);
            changed[bytes.length] = (byte) round;
            Files.write(folder.resolve(source.getFileName()), changed);
        }
        return folder;
    }

    private long renderableAsset() {
        if (!Files.exists(home.resolve(CatalogDb.FILE_NAME))) {
            return 0;
        }
        try (CatalogDb db = CatalogDb.open(home)) {
            return renderableAsset(db);
        }
    }

    /** The longest ready video, so that a render is likely still running when the kill comes. */
    private static long renderableAsset(CatalogDb db) {
        return new AssetRepository(db).all().stream()
                .filter(a -> a.isReady() && a.kind() == MediaKind.VIDEO && a.info().durationSec() != null)
                .max(Comparator.comparingDouble(a -> a.info().durationSec())).map(Asset::id).orElse(0L);
    }

    private static boolean waitGone(List<ProcessHandle> workers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (workers.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                workers.forEach(ProcessHandle::destroyForcibly);
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
