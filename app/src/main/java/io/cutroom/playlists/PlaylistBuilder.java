package io.cutroom.playlists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Turns scores into a playlist: items that pass the rules, each at most once, chosen greedily by maximal
 * marginal relevance (relevance against likeness to what is already chosen, so a playlist does not become
 * ten versions of one thing) until the target length is reached without overshooting it by more than a
 * tenth. The viewer's own history is left out unless nothing else fills the list.
 */
public final class PlaylistBuilder {
    /** MMR's balance: 1 ranks by relevance alone, 0 by novelty alone. */
    static final double RELEVANCE = 0.7;
    static final int POOL = 300;
    static final double OVERSHOOT = 0.10;

    private final List<ItemInfo> items;
    private final ContentRecommender similarity;

    /** {@code similarity}: a content recommender fitted on the same items, used for likeness between items. */
    public PlaylistBuilder(List<ItemInfo> items, ContentRecommender similarity) {
        this.items = items;
        this.similarity = similarity;
    }

    /**
     * Builds the playlist. {@code excluded} are never offered (disliked, skipped); {@code explain} says why
     * each chosen item is there.
     */
    public List<PlaylistEntry> build(float[] scores, Interactions.UserHistory history, Set<Integer> excluded,
                                     PlaylistRules rules, Explainer explain) {
        List<Integer> fresh = candidates(scores, rules, i -> !history.contains(i) && !excluded.contains(i));
        List<PlaylistEntry> chosen = choose(fresh, scores, rules, new ArrayList<>(), explain, false);
        if (!full(chosen, rules)) {
            List<Integer> again = candidates(scores, rules, i -> history.contains(i) && !excluded.contains(i));
            chosen = choose(again, scores, rules, chosen, explain, true);
        }
        return chosen;
    }

    /** Says why an item is in the playlist. */
    public interface Explainer {
        String why(int item, boolean alreadySeen);
    }

    /** The best {@link #POOL} wanted items that pass the rules, best first; a bounded heap, not a sort of everything. */
    private List<Integer> candidates(float[] scores, PlaylistRules rules, IntPredicate wanted) {
        Comparator<Integer> worseFirst = (a, b) -> scores[a] != scores[b] ? Float.compare(scores[a], scores[b])
                : Integer.compare(b, a);
        PriorityQueue<Integer> best = new PriorityQueue<>(POOL + 1, worseFirst);
        for (int i = 0; i < scores.length; i++) {
            if (best.size() == POOL && scores[i] < scores[best.peek()]) {
                continue;
            }
            if (wanted.test(i) && rules.allows(items.get(i))) {
                best.add(i);
                if (best.size() > POOL) {
                    best.poll();
                }
            }
        }
        List<Integer> pool = new ArrayList<>(best);
        pool.sort(worseFirst.reversed());
        return pool;
    }

    private List<PlaylistEntry> choose(List<Integer> pool, float[] scores, PlaylistRules rules, List<PlaylistEntry> chosen,
                                       Explainer explain, boolean seen) {
        if (pool.isEmpty()) {
            return chosen;
        }
        // Relevance is the score as a share of the best one (rank decides when scores are not positive), so a
        // clearly better item keeps its lead and near-equals give way to variety.
        float top = scores[pool.get(0)];
        double[] closest = new double[pool.size()]; // largest likeness to anything chosen so far
        for (PlaylistEntry e : chosen) {
            for (int k = 0; k < pool.size(); k++) {
                closest[k] = Math.max(closest[k], similarity.tagSimilarity(pool.get(k), e.item()));
            }
        }
        boolean[] used = new boolean[pool.size()];
        double total = chosen.stream().mapToDouble(e -> items.get(e.item()).durationSec()).sum();
        while (!full(chosen, rules)) {
            int best = -1;
            double bestValue = -Double.MAX_VALUE;
            for (int k = 0; k < pool.size(); k++) {
                if (used[k] || !fits(total, items.get(pool.get(k)).durationSec(), rules)) {
                    continue;
                }
                double relevance = top > 0 ? Math.max(0, scores[pool.get(k)]) / top : 1 - k / (double) pool.size();
                double value = RELEVANCE * relevance - (1 - RELEVANCE) * closest[k];
                if (value > bestValue) {
                    bestValue = value;
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            int item = pool.get(best);
            total += items.get(item).durationSec();
            chosen.add(new PlaylistEntry(item, scores[item], explain.why(item, seen)));
            for (int k = 0; k < pool.size(); k++) {
                if (!used[k]) {
                    closest[k] = Math.max(closest[k], similarity.tagSimilarity(pool.get(k), item));
                }
            }
        }
        return chosen;
    }

    private static boolean fits(double total, double duration, PlaylistRules rules) {
        return rules.targetSec() <= 0 || total + duration <= rules.targetSec() * (1 + OVERSHOOT);
    }

    /** Full when the count is reached, or the length is within the tenth below the target. */
    private boolean full(List<PlaylistEntry> chosen, PlaylistRules rules) {
        if (chosen.size() >= rules.maxItems()) {
            return true;
        }
        if (rules.targetSec() <= 0) {
            return false;
        }
        double total = chosen.stream().mapToDouble(e -> items.get(e.item()).durationSec()).sum();
        return total >= rules.targetSec() * (1 - OVERSHOOT);
    }
}
