package io.cutroom.bench;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetFilter;
import io.cutroom.catalog.AssetOrder;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TagRepository;
import io.cutroom.media.MediaKind;
import io.cutroom.ui.TagScore;
import io.cutroom.ui.library.LibraryModel;
import io.cutroom.usecases.Curation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom bench catalog}: a synthetic catalog of many assets (seeded: kinds, lengths, codecs, tags,
 * ratings), and the time of a smart collection with three conditions, the library's filter over it, and putting
 * 1,000 assets in a collection. The reference in the same run is the same smart collection as one SQL query.
 */
@Command(name = "catalog", description = "Smart collections, the library filter and collections on a large synthetic catalog.")
final class CatalogBench implements Callable<Integer> {
    private static final String QUERY = "tag:dog rating>=3 kind:video";
    private static final String[] TAGS = {"dog", "person", "car", "bird", "boat", "cat", "tree", "cup"};
    private static final String[] CODECS = {"h264", "hevc", "prores", "vp9"};

    @Option(names = "--assets", defaultValue = "100000", description = "Assets (default: ${DEFAULT-VALUE}).")
    int assetCount;

    @Option(names = "--rounds", defaultValue = "20", description = "Timed rounds of each query (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Files.createTempDirectory("cutroom-bench-catalog");
        try (CatalogDb db = CatalogDb.open(home)) {
            long started = System.nanoTime();
            fill(db, new Random(7));
            out.printf(Locale.ROOT, "bench catalog: %d assets, seed 7, made in %.1f s%n", assetCount, (System.nanoTime() - started) / 1e9);
            out.println("machine: " + MachineDescription.describe());
            out.flush();
            Curation curation = new Curation(db);
            curation.createCollection("Good dogs", QUERY);
            int[] found = new int[1];
            double[] smart = times(() -> found[0] = curation.members("Good dogs").size());
            int[] afterChange = new int[1];
            double[] cold = times(() -> {
                curation.rate(1, (int) (System.nanoTime() % 6)); // any write: the next search reads the catalog again
                return afterChange[0] = curation.members("Good dogs").size();
            });
            int[] afterImport = new int[1];
            Random more = new Random(8);
            long[] next = {assetCount};
            double[] imported = times(() -> {
                importOne(db, more, ++next[0]); // a new asset and its two tags, as an import then tagging write them
                return afterImport[0] = curation.members("Good dogs").size();
            });
            int[] sqlFound = new int[1];
            double[] sql = times(() -> sqlFound[0] = sqlQuery(db));
            List<Asset> assets = new AssetRepository(db).all();
            Map<Long, List<TagScore>> tags = new HashMap<>();
            new TagRepository(db).bestPerAsset().forEach((id, best) -> tags.put(id,
                    best.entrySet().stream().map(e -> new TagScore(e.getKey(), e.getValue())).toList()));
            LibraryModel library = new LibraryModel();
            library.load(assets, tags);
            library.setKind(MediaKind.VIDEO);
            library.setDuration(AssetFilter.DurationRange.MEDIUM);
            library.setTag("dog");
            library.setOrder(AssetOrder.NAME);
            int[] shown = new int[1];
            double[] filter = times(() -> shown[0] = library.shown().size());
            curation.createCollection("Bulk", null);
            List<Long> thousand = assets.stream().limit(1000).map(Asset::id).toList();
            long addStart = System.nanoTime();
            int added = curation.addToCollection("Bulk", thousand);
            double addMs = (System.nanoTime() - addStart) / 1e6;

            out.printf(Locale.ROOT, "%-52s %9s %9s %9s %8s%n", "what", "p50 ms", "p95 ms", "max ms", "found");
            row(out, "smart collection \"" + QUERY + "\" (Curation)", smart, found[0]);
            row(out, "the same, each time after a rating changed", cold, afterChange[0]);
            row(out, "the same, each time after an asset was imported and tagged", imported, afterImport[0]);
            row(out, "the same as one SQL query (reference)", sql, sqlFound[0]);
            row(out, "library filter: video, 10 s to 1 min, tag dog, by name", filter, shown[0]);
            out.printf(Locale.ROOT, "%-52s %9.1f %9s %9s %8d%n", "1,000 assets into a collection", addMs, "", "", added);
            out.printf(Locale.ROOT, "ratio smart collection / SQL, p50: %.1f (targets: under 100 ms p95 for the smart collection and the"
                    + " filter, under 1 s for the 1,000)%n", percentile(smart, 50) / percentile(sql, 50));
            return 0;
        } finally {
            BenchFiles.deleteTree(home);
        }
    }

    /** Assets, their tags at one shot each, and logs, in one transaction per table. */
    /** One more tagged video, written as import and tagging write it: an asset row, then its shot tags. */
    private static void importOne(CatalogDb db, Random random, long id) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO assets (id, path, kind, size_bytes, sha256, duration_sec,"
                    + " width, height, fps, rotation, video_codec, audio_codec, container, tags_json, imported_at, status)"
                    + " VALUES (?, ?, 'video', 1000000, ?, ?, 1920, 1080, 25, 0, 'h264', 'aac', 'mp4', '{}', ?, 'ready')")) {
                st.setLong(1, id);
                st.setString(2, "/archive/new/clip" + id + ".mp4");
                st.setString(3, "sha" + id);
                st.setDouble(4, 2 + random.nextDouble() * 300);
                st.setString(5, Instant.now().toString());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO shot_tags (asset_id, shot_idx, tag, confidence, start_sec,"
                    + " end_sec, model) VALUES (?, 0, ?, ?, 0, 1, 'bench')")) {
                for (String tag : List.of("dog", TAGS[1 + random.nextInt(TAGS.length - 1)])) {
                    st.setLong(1, id);
                    st.setString(2, tag);
                    st.setDouble(3, 0.2 + random.nextDouble() * 0.8);
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    private void fill(CatalogDb db, Random random) {
        String now = Instant.now().toString();
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO assets (path, kind, size_bytes, sha256, duration_sec, width,"
                    + " height, fps, rotation, video_codec, audio_codec, container, tags_json, imported_at, status)"
                    + " VALUES (?, ?, ?, ?, ?, 1920, 1080, 25, 0, ?, 'aac', 'mp4', '{}', ?, 'ready')")) {
                for (int i = 1; i <= assetCount; i++) {
                    boolean video = random.nextDouble() < 0.8;
                    st.setString(1, "/archive/reel" + (i / 1000) + "/clip" + i + (video ? ".mp4" : ".wav"));
                    st.setString(2, video ? "video" : "audio");
                    st.setLong(3, 1_000_000L + random.nextInt(100_000_000));
                    st.setString(4, "sha" + i);
                    st.setDouble(5, 2 + random.nextDouble() * 300);
                    st.setString(6, video ? CODECS[random.nextInt(CODECS.length)] : null);
                    st.setString(7, now);
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO shot_tags (asset_id, shot_idx, tag, confidence, start_sec,"
                    + " end_sec, model) VALUES (?, 0, ?, ?, 0, 1, 'bench')")) {
                for (int i = 1; i <= assetCount; i++) {
                    int first = random.nextInt(TAGS.length);
                    int second = (first + 1 + random.nextInt(TAGS.length - 1)) % TAGS.length; // two different tags
                    for (String tag : Arrays.asList(TAGS[first], TAGS[second])) {
                        st.setLong(1, i);
                        st.setString(2, tag);
                        st.setDouble(3, 0.2 + random.nextDouble() * 0.8);
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO asset_log (asset_id, rating, flag, updated_at) VALUES (?, ?, 'none', ?)")) {
                for (int i = 1; i <= assetCount; i++) {
                    st.setLong(1, i);
                    st.setInt(2, random.nextInt(6));
                    st.setString(3, now);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** The reference: the same three conditions (dog at its threshold, 3 stars or more, video) as one SQL query. */
    private static int sqlQuery(CatalogDb db) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(DISTINCT a.id) FROM shot_tags t"
                    + " JOIN assets a ON a.id = t.asset_id JOIN asset_log l ON l.asset_id = a.id"
                    + " WHERE t.tag = 'dog' AND t.confidence >= 0.35 AND a.kind = 'video' AND l.rating >= 3");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private double[] times(Supplier<Integer> work) {
        work.get(); // warm up
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void row(PrintWriter out, String what, double[] sortedMs, int found) {
        out.printf(Locale.ROOT, "%-52s %9.1f %9.1f %9.1f %8d%n", what, percentile(sortedMs, 50), percentile(sortedMs, 95),
                sortedMs[sortedMs.length - 1], found);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
