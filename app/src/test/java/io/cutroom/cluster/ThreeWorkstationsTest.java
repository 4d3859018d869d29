package io.cutroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CatalogLocation;
import io.cutroom.catalog.GradeRepository;
import io.cutroom.catalog.PostgresServer;
import io.cutroom.catalog.QueuedWorkRepository.QueuedWork;
import io.cutroom.catalog.QueuedWorkRepository.State;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.catalog.TagRepository;
import io.cutroom.cli.CutroomCli;
import io.cutroom.ingest.ContentHash;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.reliability.ChildCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three "workstations" on one machine: separate processes with their own data folders and path maps, sharing one
 * PostgreSQL catalog and one folder of media that each sees under its own mount.
 */
class ThreeWorkstationsTest {
    private static final Pattern TAGGED = Pattern.compile("^tagged (\\d+):", Pattern.MULTILINE);
    private static final Pattern STARTED = Pattern.compile("^started (\\d+) ", Pattern.MULTILINE);

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        processes.forEach(Process::destroyForcibly);
    }

    private static String cutroom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CutroomCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }

    /** A data folder whose catalog is the shared one, as `cutroom catalog use` leaves it. */
    private Path workstation(String name, CatalogLocation.Shared catalog) {
        Path home = dir.resolve(name);
        CatalogLocation.saveChoice(home, catalog);
        return home;
    }

    private Process node(String name, Path home, String pathMap) throws IOException {
        return node(name, home, pathMap, "inference");
    }

    private Process node(String name, Path home, String pathMap, String lanes) throws IOException {
        Process p = ChildCli.startMain(Map.of("PGPASSWORD", PostgresServer.get().password()),
                List.of("-Dcutroom.machine=" + name), "io.cutroom.Main", dir.resolve(name + ".log"),
                "node", "--home=" + home, "--lanes", lanes, "--path-map", pathMap);
        processes.add(p);
        return p;
    }

    @Test
    void thirtyFilesAreTaggedOnceAcrossThreeNodesEvenWhenOneIsKilledMidRun() throws Exception {
        CatalogLocation.Shared catalog = PostgresServer.get().database("ws_" + UUID.randomUUID().toString().replace("-", ""));
        // The studio imports from the shared media as it mounts it; then that path is gone from this machine, so each
        // node reaches the files only through its own mount and path map.
        Path studioMount = Files.createDirectories(dir.resolve("Volumes-Media")).toRealPath();
        List<Path> stills = distinctStills(30);
        for (Path still : stills) Files.copy(still, studioMount.resolve(still.getFileName()));
        Path studio = workstation("studio", catalog);
        List<String> files = new ArrayList<>(List.of("import", "--home=" + studio));
        stills.forEach(s -> files.add(studioMount.resolve(s.getFileName()).toString()));
        cutroom(files.toArray(String[]::new));
        String queued = cutroom("queue", "tag", "--home=" + studio, "--all");
        assertThat(queued).contains("queued 30 for tagging");
        String batch = queued.strip().substring(queued.strip().lastIndexOf(' ') + 1);
        Path nas = Files.move(studioMount, dir.resolve("nas"));

        Map<String, Process> nodes = new HashMap<>();
        for (String name : List.of("ws-a", "ws-b", "ws-c")) {
            Path mount = Files.createSymbolicLink(dir.resolve("mnt-" + name), nas);
            nodes.put(name, node(name, workstation(name, catalog), studioMount + "=" + mount));
        }
        Path logB = dir.resolve("ws-b.log");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (!STARTED.matcher(read(logB)).find()) {
            assertThat(Instant.now()).as("node ws-b never started a piece: " + read(logB)).isBefore(deadline);
            Thread.sleep(100);
        }
        nodes.get("ws-b").destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9, mid-piece
        Set<String> killedOn = ids(STARTED, read(logB));
        killedOn.removeAll(ids(TAGGED, read(logB)));

        try (CatalogDb db = CatalogDb.open(catalog); WorkQueue queue = new WorkQueue(db)) {
            WorkQueue.Batch now = queue.batch(batch);
            while (!now.finished()) {
                assertThat(Instant.now()).as("the batch did not finish: " + QueueCommandText.of(now)).isBefore(deadline);
                Thread.sleep(500);
                now = queue.batch(batch);
            }
            assertThat(now.count(State.DONE)).as(QueueCommandText.of(now)).isEqualTo(30);
            TagRepository tags = new TagRepository(db);
            new AssetRepository(db).all().forEach(a -> assertThat(tags.isTagged(a.id())).as(a.fileName()).isTrue());
            // Each file was tagged by exactly one node, as the nodes' own logs say.
            List<String> tagged = new ArrayList<>();
            for (String name : List.of("ws-a", "ws-b", "ws-c")) {
                Matcher m = TAGGED.matcher(read(dir.resolve(name + ".log")));
                while (m.find()) tagged.add(m.group(1));
            }
            assertThat(tagged).hasSize(30).doesNotHaveDuplicates();
            assertThat(killedOn).as("ws-b was killed in the middle of a piece").hasSize(1);
            QueuedWork takenOver = now.pieces().stream()
                    .filter(p -> killedOn.contains(Long.toString(p.assetId()))).findFirst().orElseThrow();
            assertThat(takenOver.node()).as("the killed node's piece was finished elsewhere").doesNotStartWith("ws-b");
            assertThat(takenOver.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(now.doneBy().keySet()).as("the other two shared the work")
                    .anyMatch(n -> n.startsWith("ws-a")).anyMatch(n -> n.startsWith("ws-c"));
        }
    }

    @Test
    void queuedImportRenderColourAndReframingAreDoneByTheNodesOfTheirLanesThroughTheirOwnMounts() throws Exception {
        CatalogLocation.Shared catalog = PostgresServer.get().database("rn_" + UUID.randomUUID().toString().replace("-", ""));
        Path studioMount = Files.createDirectories(dir.resolve("Volumes-Media")).toRealPath();
        Files.createDirectories(studioMount.resolve("exports"));
        Files.copy(TestMedia.file("video/cup.mp4"), studioMount.resolve("cup.mp4"));
        Path studio = workstation("studio", catalog);
        String imports = lastWord(cutroom("queue", "import", "--home=" + studio, studioMount.resolve("cup.mp4").toString()));
        Path nas = Files.move(studioMount, dir.resolve("nas"));
        node("ws-a", workstation("ws-a", catalog), studioMount + "=" + Files.createSymbolicLink(dir.resolve("mnt-a"), nas),
                "import,inference");
        node("ws-r", workstation("ws-r", catalog), studioMount + "=" + Files.createSymbolicLink(dir.resolve("mnt-r"), nas), "render");
        try (CatalogDb db = CatalogDb.open(catalog); WorkQueue queue = new WorkQueue(db)) {
            WorkQueue.Batch imported = finished(queue, imports, "ws-a");
            assertThat(imported.pieces().get(0).assetId()).isEqualTo(1L);
            assertThat(new AssetRepository(db).find(1).orElseThrow().path()).isEqualTo(studioMount.resolve("cup.mp4"));
        }
        String queued = cutroom("render", "1", "--home=" + studio, "--aspect", "9:16",
                "--out", studioMount.resolve("exports/cup vertical.mp4").toString(), "--queue");
        String batch = lastWord(queued);
        String colour = lastWord(cutroom("queue", "colour", "--home=" + studio, "1"));
        String reframe = lastWord(cutroom("queue", "reframe", "--home=" + studio, "1", "--aspect", "1:1"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        try (CatalogDb db = CatalogDb.open(catalog); WorkQueue queue = new WorkQueue(db)) {
            WorkQueue.Batch now = queue.batch(batch);
            while (!now.finished()) {
                assertThat(Instant.now()).as("the render did not finish: " + read(dir.resolve("ws-r.log"))).isBefore(deadline);
                Thread.sleep(500);
                now = queue.batch(batch);
            }
            assertThat(now.count(State.DONE)).as(QueueCommandText.of(now) + read(dir.resolve("ws-r.log"))).isEqualTo(1);
            assertThat(now.pieces().get(0).node()).startsWith("ws-r");
            finished(queue, colour, "ws-a");
            finished(queue, reframe, "ws-a");
            assertThat(new GradeRepository(db).find(1)).get().satisfies(g -> assertThat(g.source()).isEqualTo("auto"));
            assertThat(new ReframeRepository(db).find(1, AspectRatio.SQUARE.toString())).isPresent();
        }
        assertThat(read(dir.resolve("ws-r.log"))).contains("rendered 1: " + dir.resolve("mnt-r").resolve("exports/cup vertical.mp4"));
        assertThat(read(dir.resolve("ws-a.log"))).doesNotContain("rendered");
        var video = StreamSupport.stream(TestMedia.ffprobe(nas.resolve("exports/cup vertical.mp4")).path("streams").spliterator(), false)
                .filter(st -> st.path("codec_type").asText().equals("video")).findFirst().orElseThrow();
        assertThat(video.path("width").asInt()).isEqualTo(1080);
        assertThat(video.path("height").asInt()).isEqualTo(1920);
    }

    @Test
    void threeThousandConcurrentReadThenWriteTransactionsFromThreeWorkstationsLoseNone() throws Exception {
        CatalogLocation.Shared catalog = PostgresServer.get().database("rw_" + UUID.randomUUID().toString().replace("-", ""));
        Path studio = workstation("studio", catalog);
        cutroom("import", "--home=" + studio, TestMedia.file("video/cup.mp4").toString());
        long before;
        try (CatalogDb db = CatalogDb.open(catalog)) {
            before = new AssetRepository(db).find(1).orElseThrow().sizeBytes();
        }
        List<Process> load = new ArrayList<>();
        for (String name : List.of("ws-a", "ws-b", "ws-c")) {
            Process p = ChildCli.startMain(Map.of("PGPASSWORD", PostgresServer.get().password()),
                    List.of("-Dcutroom.machine=" + name), ReadThenWriteLoad.class.getName(), dir.resolve(name + ".log"),
                    workstation(name, catalog).toString(), "1000", "1");
            processes.add(p);
            load.add(p);
        }
        for (Process p : load) assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        for (String name : List.of("ws-a", "ws-b", "ws-c")) {
            assertThat(read(dir.resolve(name + ".log"))).as(name).contains("ok 1000 errors 0");
        }
        try (CatalogDb db = CatalogDb.open(catalog)) {
            assertThat(new AssetRepository(db).find(1).orElseThrow().sizeBytes()).isEqualTo(before + 3000);
        }
    }

    /** Waits for a one-piece batch and checks that it was done by {@code node}. */
    private WorkQueue.Batch finished(WorkQueue queue, String batch, String node) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        WorkQueue.Batch b = queue.batch(batch);
        while (!b.finished()) {
            assertThat(Instant.now()).as(read(dir.resolve(node + ".log"))).isBefore(deadline);
            Thread.sleep(500);
            b = queue.batch(batch);
        }
        assertThat(b.pieces().get(0).state()).as(b.pieces().get(0).message()).isEqualTo(State.DONE);
        assertThat(b.pieces().get(0).node()).startsWith(node);
        return b;
    }

    private static String lastWord(String line) {
        return line.strip().substring(line.strip().lastIndexOf(' ') + 1);
    }

    /** Stills of distinct content from the test media, so none is a duplicate of another. */
    private static List<Path> distinctStills(int count) throws IOException {
        List<Path> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String folder : List.of("images/objects", "images/opencv-samples", "images/skimage", "images/sklearn")) {
            try (Stream<Path> files = Files.list(TestMedia.file(folder))) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString().toLowerCase();
                    if (!(name.endsWith(".jpg") || name.endsWith(".png")) || !names.add(name)) continue;
                    if (seen.add(ContentHash.sha256(f))) out.add(f);
                    if (out.size() == count) return out;
                }
            }
        }
        throw new IllegalStateException("Only " + out.size() + " distinct stills in the test media.");
    }

    private static Set<String> ids(Pattern pattern, String log) {
        Set<String> out = new HashSet<>();
        Matcher m = pattern.matcher(log);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** A batch as `cutroom queue show` would sum it up, for failure messages. */
    private static final class QueueCommandText {
        static String of(WorkQueue.Batch b) {
            StringBuilder text = new StringBuilder();
            for (QueuedWork w : b.pieces()) {
                text.append(w.assetId()).append(':').append(w.state()).append('@').append(w.node()).append(' ');
            }
            return text.toString();
        }
    }
}
