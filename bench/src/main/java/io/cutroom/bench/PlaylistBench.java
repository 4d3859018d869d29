package io.cutroom.bench;

import io.cutroom.playlists.ContentRecommender;
import io.cutroom.playlists.HybridRecommender;
import io.cutroom.playlists.Interactions;
import io.cutroom.playlists.ItemInfo;
import io.cutroom.playlists.PlaylistBuilder;
import io.cutroom.playlists.PlaylistRules;
import io.cutroom.playlists.Recommender;
import io.cutroom.playlists.Recommenders;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom bench playlists}: a synthetic catalog (items with tags, lengths and a long-tailed popularity;
 * profiles whose histories follow a few favourite tags), and per recommender the fit time, the heap it
 * holds, and the latency of a 30-minute playlist (scoring, rules, MMR) at p50 and p99.
 */
@Command(name = "playlists", description = "Recommender fit time, memory and playlist latency on a synthetic catalog.")
final class PlaylistBench implements Callable<Integer> {
    @Option(names = "--items", defaultValue = "100000", description = "Items (default: ${DEFAULT-VALUE}).")
    int itemCount;

    @Option(names = "--profiles", defaultValue = "10000", description = "Profiles (default: ${DEFAULT-VALUE}).")
    int profileCount;

    @Option(names = "--playlists", defaultValue = "300", description = "Playlists timed per recommender (default: ${DEFAULT-VALUE}).")
    int playlists;

    @Spec
    CommandSpec spec;

    private static final int TAGS = 80;
    private static final int SEED = 5;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Random random = new Random(SEED);
        List<ItemInfo> items = new ArrayList<>(itemCount);
        List<List<Integer>> byTag = new ArrayList<>();
        for (int t = 0; t < TAGS; t++) {
            byTag.add(new ArrayList<>());
        }
        for (int i = 0; i < itemCount; i++) {
            Map<String, Double> tags = new HashMap<>();
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                int t = zipf(random, TAGS);
                tags.put("tag" + t, 0.5 + random.nextDouble() / 2);
                byTag.get(t).add(i);
            }
            items.add(new ItemInfo(i, "item " + i, 5 + random.nextInt(600), random.nextInt(5) == 0 ? "image" : "video", tags, null));
        }
        Interactions.Builder builder = new Interactions.Builder(itemCount);
        long events = 0;
        for (int p = 0; p < profileCount; p++) {
            int user = builder.addUser();
            int[] favourites = {zipf(random, TAGS), zipf(random, TAGS), zipf(random, TAGS)};
            int n = 10 + random.nextInt(90);
            for (int k = 0; k < n; k++) {
                List<Integer> pool = byTag.get(favourites[random.nextInt(3)]);
                // Popular items of a tag come first in its list: a long tail inside each taste.
                int item = pool.get(Math.min(pool.size() - 1, zipf(random, pool.size())));
                builder.add(user, item, random.nextInt(6) == 0 ? -1f : 1f);
                events++;
            }
        }
        Interactions data = builder.build();
        out.printf("machine: %s%n", MachineDescription.describe());
        out.printf(Locale.ROOT, "synthetic catalog (seed %d): %d items with 1-3 of %d tags (Zipf), 5-600 s; %d profiles with 10-99"
                + " events each from 3 favourite tags (a sixth are skips): %d events, %d positives%n", SEED, itemCount, TAGS,
                profileCount, events, data.positives());
        out.printf("playlist: 30 minutes, MMR over the best 300, history left out; %d playlists per recommender for new"
                + " viewers holding 20 positives each%n%n", playlists);
        out.printf("%-9s %8s %12s %9s %9s%n", "method", "fit s", "heap MiB", "p50 ms", "p99 ms");
        ContentRecommender likeness = new ContentRecommender();
        likeness.fit(data, items);
        PlaylistBuilder playlistBuilder = new PlaylistBuilder(items, likeness);
        PlaylistRules rules = PlaylistRules.minutes(30);
        for (String id : List.of("popular", "itemknn", "ease", "content", "hybrid")) {
            System.gc();
            long before = usedHeap();
            Recommender r = Recommenders.create(id);
            long t0 = System.nanoTime();
            r.fit(data, items);
            double fitSec = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long held = usedHeap() - before;
            double[] latency = new double[playlists];
            Random viewers = new Random(SEED + 1);
            for (int k = 0; k < playlists + 20; k++) {
                Interactions.UserHistory history = Interactions.UserHistory.of(data.itemsOf(viewers.nextInt(profileCount)).length == 0
                        ? new int[0] : sample(data, viewers));
                long s = System.nanoTime();
                float[] scores = r.score(history, Set.of("tag1"));
                playlistBuilder.build(scores, history, Set.of(), rules, (item, seen) -> "");
                if (k >= 20) { // the first 20 warm the JIT
                    latency[k - 20] = (System.nanoTime() - s) / 1e6;
                }
            }
            Arrays.sort(latency);
            out.printf(Locale.ROOT, "%-9s %8.2f %12.0f %9.2f %9.2f%n", id, fitSec, held / 1048576.0,
                    latency[latency.length / 2], latency[(int) Math.ceil(0.99 * latency.length) - 1]);
            out.flush();
            if (r instanceof HybridRecommender) {
                break;
            }
        }
        return 0;
    }

    /** 20 positives drawn from the pooled histories of a few profiles: a new viewer with a similar taste. */
    private static int[] sample(Interactions data, Random random) {
        int[] from = data.itemsOf(random.nextInt(data.users()));
        int[] out = new int[Math.min(20, from.length)];
        for (int k = 0; k < out.length; k++) {
            out[k] = from[random.nextInt(from.length)];
        }
        return Arrays.stream(out).distinct().toArray();
    }

    /** A Zipf-like draw from 0..n-1 (s = 1): a few values are common, most are rare. */
    private static int zipf(Random random, int n) {
        double h = Math.log(n + 1.0);
        return Math.min(n - 1, (int) Math.floor(Math.exp(random.nextDouble() * h) - 1));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
