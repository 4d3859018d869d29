package io.cutroom.playlists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Implicit feedback as a sparse user-by-item matrix: for each user, the items they count as positive
 * (sorted) and how strongly. Built from weighted observations; an item whose weights sum to zero or less
 * (more skips than completions) is not a positive.
 */
public final class Interactions {
    private final int itemCount;
    private final int[][] items;
    private final float[][] weights;

    private Interactions(int itemCount, int[][] items, float[][] weights) {
        this.itemCount = itemCount;
        this.items = items;
        this.weights = weights;
    }

    public int users() {
        return items.length;
    }

    public int itemCount() {
        return itemCount;
    }

    /** The user's positive items, ascending. */
    public int[] itemsOf(int user) {
        return items[user];
    }

    public float[] weightsOf(int user) {
        return weights[user];
    }

    /** How many users have each item as a positive. */
    public int[] itemCounts() {
        int[] counts = new int[itemCount];
        for (int[] row : items) {
            for (int i : row) {
                counts[i]++;
            }
        }
        return counts;
    }

    public long positives() {
        long n = 0;
        for (int[] row : items) {
            n += row.length;
        }
        return n;
    }

    /** Collects observations, then {@link #build()}s the matrix. */
    public static final class Builder {
        private final int itemCount;
        private final List<Map<Integer, Float>> rows = new ArrayList<>();

        public Builder(int itemCount) {
            this.itemCount = itemCount;
        }

        /** Adds a user with no observations yet and returns its index. */
        public int addUser() {
            rows.add(new HashMap<>());
            return rows.size() - 1;
        }

        public Builder add(int user, int item, float weight) {
            if (item < 0 || item >= itemCount) {
                throw new IllegalArgumentException("No item " + item + " among " + itemCount + ".");
            }
            rows.get(user).merge(item, weight, Float::sum);
            return this;
        }

        public Interactions build() {
            int[][] items = new int[rows.size()][];
            float[][] weights = new float[rows.size()][];
            for (int u = 0; u < rows.size(); u++) {
                int[] positive = rows.get(u).entrySet().stream().filter(e -> e.getValue() > 0)
                        .mapToInt(Map.Entry::getKey).sorted().toArray();
                float[] w = new float[positive.length];
                for (int k = 0; k < positive.length; k++) {
                    w[k] = rows.get(u).get(positive[k]);
                }
                items[u] = positive;
                weights[u] = w;
            }
            return new Interactions(itemCount, items, weights);
        }
    }

    /** A history for scoring: the user's positive items with their weights (all 1 for plain positives). */
    public static UserHistory historyOf(int[] items, float[] weights) {
        return new UserHistory(items, weights);
    }

    /** One user's input to a recommender: positive items (ascending) and their weights. */
    public record UserHistory(int[] items, float[] weights) {
        public static final UserHistory EMPTY = new UserHistory(new int[0], new float[0]);

        public UserHistory {
            if (items.length != weights.length) {
                throw new IllegalArgumentException("items and weights differ in length");
            }
        }

        public static UserHistory of(int... items) {
            int[] sorted = items.clone();
            Arrays.sort(sorted);
            float[] ones = new float[sorted.length];
            Arrays.fill(ones, 1f);
            return new UserHistory(sorted, ones);
        }

        public int size() {
            return items.length;
        }

        public boolean contains(int item) {
            return Arrays.binarySearch(items, item) >= 0;
        }
    }
}
