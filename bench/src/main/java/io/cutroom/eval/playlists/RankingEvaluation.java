package io.cutroom.eval.playlists;

import io.cutroom.playlists.ContentRecommender;
import io.cutroom.playlists.Interactions;
import io.cutroom.playlists.ItemInfo;
import io.cutroom.playlists.PlaylistBuilder;
import io.cutroom.playlists.PlaylistRules;
import io.cutroom.playlists.Recommender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Strong generalization on implicit feedback (as Liang et al. 2018): a share of users is held out; the
 * recommenders are fitted on the others; for each held-out user a random 80% of their positives is the
 * input and the other 20% is to be found, ranking every item not in the input.
 */
public final class RankingEvaluation {
    public static final double HELD_OUT_USERS = 0.2;
    public static final double INPUT_SHARE = 0.8;
    public static final int MIN_POSITIVES = 5;

    /** One held-out user: what the recommender sees, and what it should find. */
    public record Case(Interactions.UserHistory input, int[] targets) {
    }

    public record Split(Interactions training, List<Case> cases, int trainingUsers) {
    }

    public record Result(String id, double ndcg10, double recall20, double coverage, double diversity, double fitSec,
                         double p50Ms, double p99Ms, double playlistP99Ms) {
    }

    private RankingEvaluation() {
    }

    public static Split split(MovieLensCsv.Data data, long seed) {
        List<Long> users = new ArrayList<>(data.positivesByUser().keySet());
        Collections.sort(users);
        Random random = new Random(seed);
        Collections.shuffle(users, random);
        int heldOut = (int) Math.round(users.size() * HELD_OUT_USERS);
        Interactions.Builder training = new Interactions.Builder(data.items().size());
        List<Case> cases = new ArrayList<>();
        int trainingUsers = 0;
        for (int k = 0; k < users.size(); k++) {
            int[] positives = data.positivesByUser().get(users.get(k)).stream().mapToInt(Integer::intValue).distinct().toArray();
            if (k >= heldOut) {
                int u = training.addUser();
                for (int item : positives) {
                    training.add(u, item, 1f);
                }
                trainingUsers++;
            } else if (positives.length >= MIN_POSITIVES) {
                int[] shuffled = positives.clone();
                for (int i = shuffled.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = shuffled[i];
                    shuffled[i] = shuffled[j];
                    shuffled[j] = t;
                }
                int input = (int) Math.round(shuffled.length * INPUT_SHARE);
                cases.add(new Case(Interactions.UserHistory.of(Arrays.copyOf(shuffled, input)),
                        Arrays.copyOfRange(shuffled, input, shuffled.length)));
            }
        }
        return new Split(training.build(), cases, trainingUsers);
    }

    public static Result evaluate(Recommender recommender, Split split, List<ItemInfo> items, ContentRecommender likeness) {
        long start = System.nanoTime();
        recommender.fit(split.training(), items);
        double fitSec = (System.nanoTime() - start) / 1e9;
        double ndcg = 0;
        double recall = 0;
        double diversity = 0;
        boolean[] shown = new boolean[items.size()];
        double[] latency = new double[split.cases().size()];
        double[] playlistLatency = new double[split.cases().size()];
        PlaylistBuilder builder = new PlaylistBuilder(items, likeness);
        PlaylistRules rules = new PlaylistRules(0, 20, null, Set.of(), 0);
        for (int c = 0; c < split.cases().size(); c++) {
            Case test = split.cases().get(c);
            long t0 = System.nanoTime();
            float[] scores = recommender.score(test.input(), Set.of());
            int[] top = top(scores, test.input(), 20);
            latency[c] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            builder.build(scores, test.input(), Set.of(), rules, (item, seen) -> "");
            playlistLatency[c] = (System.nanoTime() - t1) / 1e6 + latency[c];
            ndcg += ndcg(top, test.targets(), 10);
            recall += recall(top, test.targets(), 20);
            for (int r = 0; r < Math.min(10, top.length); r++) {
                shown[top[r]] = true;
            }
            diversity += intraListDiversity(Arrays.copyOf(top, Math.min(10, top.length)), likeness);
        }
        int n = split.cases().size();
        int covered = 0;
        for (boolean s : shown) {
            covered += s ? 1 : 0;
        }
        Arrays.sort(latency);
        Arrays.sort(playlistLatency);
        return new Result(recommender.id(), ndcg / n, recall / n, covered / (double) items.size(), diversity / n, fitSec,
                percentile(latency, 0.5), percentile(latency, 0.99), percentile(playlistLatency, 0.99));
    }

    /** The {@code k} best items not in the input, best first. */
    static int[] top(float[] scores, Interactions.UserHistory input, int k) {
        int[] best = new int[k];
        float[] value = new float[k];
        Arrays.fill(best, -1);
        Arrays.fill(value, -Float.MAX_VALUE);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] <= value[k - 1] || input.contains(i)) {
                continue;
            }
            int pos = k - 1;
            while (pos > 0 && scores[i] > value[pos - 1]) {
                value[pos] = value[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            value[pos] = scores[i];
            best[pos] = i;
        }
        return Arrays.stream(best).filter(i -> i >= 0).toArray();
    }

    static double ndcg(int[] ranked, int[] targets, int k) {
        Set<Integer> wanted = asSet(targets);
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (wanted.contains(ranked[r])) {
                dcg += 1 / (Math.log(r + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, targets.length); r++) {
            ideal += 1 / (Math.log(r + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Hits in the top {@code k}, over min(k, targets): the normalisation Liang et al. use, so 1 is reachable. */
    static double recall(int[] ranked, int[] targets, int k) {
        Set<Integer> wanted = asSet(targets);
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            hits += wanted.contains(ranked[r]) ? 1 : 0;
        }
        return targets.length == 0 ? 0 : hits / (double) Math.min(k, targets.length);
    }

    /** Mean of 1 - tag cosine over all pairs in a list. */
    static double intraListDiversity(int[] list, ContentRecommender likeness) {
        if (list.length < 2) {
            return 0;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < list.length; a++) {
            for (int b = a + 1; b < list.length; b++) {
                sum += 1 - likeness.tagSimilarity(list[a], list[b]);
                pairs++;
            }
        }
        return sum / pairs;
    }

    private static Set<Integer> asSet(int[] values) {
        Set<Integer> set = new HashSet<>();
        for (int v : values) {
            set.add(v);
        }
        return set;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** For the printout: the protocol in one line. */
    public static String protocol(long seed, Split split) {
        return String.format(Locale.ROOT, "protocol: rating >= %.1f is a positive; %d%% of users held out (seed %d):"
                        + " %d training users, %d test users with >= %d positives; per test user a random %d%% of positives is"
                        + " the input, the rest is to be found; every item not in the input is ranked", MovieLensCsv.POSITIVE,
                Math.round(HELD_OUT_USERS * 100), seed, split.trainingUsers(), split.cases().size(), MIN_POSITIVES,
                Math.round(INPUT_SHARE * 100));
    }
}
