package io.cutroom.playlists;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Item-to-item collaborative filtering: two items are alike when the same viewers count both as positive
 * (cosine over their viewer sets). Each item keeps its {@link #NEIGHBOURS} most alike; a viewer's score for
 * an item is the sum of its similarity to each item in their history, times that item's weight.
 */
public final class ItemKnnRecommender implements Recommender {
    static final int NEIGHBOURS = 100;
    private int[][] neighbours = new int[0][];
    private float[][] similarity = new float[0][];

    @Override
    public String id() {
        return "itemknn";
    }

    @Override
    public void fit(Interactions data, List<ItemInfo> items) {
        int n = data.itemCount();
        int[] counts = data.itemCounts();
        int[][] usersOf = new int[n][];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            usersOf[i] = new int[counts[i]];
        }
        for (int u = 0; u < data.users(); u++) {
            for (int i : data.itemsOf(u)) {
                usersOf[i][fill[i]++] = u;
            }
        }
        neighbours = new int[n][];
        similarity = new float[n][];
        int[] together = new int[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int seen = 0;
            for (int u : usersOf[i]) {
                for (int j : data.itemsOf(u)) {
                    if (j != i && together[j]++ == 0) {
                        touched[seen++] = j;
                    }
                }
            }
            float[] sims = new float[seen];
            for (int k = 0; k < seen; k++) {
                int j = touched[k];
                sims[k] = (float) (together[j] / Math.sqrt((double) counts[i] * counts[j]));
            }
            keepBest(i, touched, sims, seen);
            for (int k = 0; k < seen; k++) {
                together[touched[k]] = 0;
            }
        }
    }

    private void keepBest(int item, int[] candidates, float[] sims, int count) {
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Float.compare(sims[b], sims[a]));
        int keep = Math.min(NEIGHBOURS, count);
        neighbours[item] = new int[keep];
        similarity[item] = new float[keep];
        for (int k = 0; k < keep; k++) {
            neighbours[item][k] = candidates[order[k]];
            similarity[item][k] = sims[order[k]];
        }
    }

    @Override
    public float[] score(Interactions.UserHistory history, Set<String> interests) {
        float[] scores = new float[neighbours.length];
        for (int k = 0; k < history.size(); k++) {
            int h = history.items()[k];
            float w = history.weights()[k];
            for (int m = 0; m < neighbours[h].length; m++) {
                scores[neighbours[h][m]] += w * similarity[h][m];
            }
        }
        return scores;
    }

    @Override
    public int strongestReason(Interactions.UserHistory history, int item) {
        int best = -1;
        float bestValue = 0;
        for (int k = 0; k < history.size(); k++) {
            int h = history.items()[k];
            float value = history.weights()[k] * similarityOf(h, item);
            if (value > bestValue) {
                bestValue = value;
                best = h;
            }
        }
        return best;
    }

    float similarityOf(int a, int b) {
        int[] list = neighbours[a];
        for (int m = 0; m < list.length; m++) {
            if (list[m] == b) {
                return similarity[a][m];
            }
        }
        return 0;
    }
}
