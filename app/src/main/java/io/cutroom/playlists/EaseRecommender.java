package io.cutroom.playlists;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * EASE (Steck 2019): a linear item-to-item model fitted in closed form. With X the viewers' positives,
 * P = (XᵀX + λI)⁻¹ and B = I − P·diag(1/diag(P)), so B's diagonal is zero and no item explains itself; a
 * viewer's scores are their history times B. The inversion ({@link SymmetricInverse}, Cholesky in ND4J's
 * OpenBLAS) is cubic in the number of items, so
 * the model covers the {@link #MAX_ITEMS} items with the most positives (seen at least {@link #MIN_COUNT}
 * times); the others score below every covered item, in order of popularity.
 */
public final class EaseRecommender implements Recommender {
    static final int MAX_ITEMS = 6000;
    static final int MIN_COUNT = 1;
    private final double lambda;
    private int[] vocabulary = new int[0];
    private int[] position = new int[0];
    private float[] weights = new float[0]; // B, row-major over the vocabulary
    private float[] fallback = new float[0];

    public EaseRecommender() {
        this(250);
    }

    public EaseRecommender(double lambda) {
        this.lambda = lambda;
    }

    @Override
    public String id() {
        return "ease";
    }

    @Override
    public void fit(Interactions data, List<ItemInfo> items) {
        int[] counts = data.itemCounts();
        Integer[] byCount = new Integer[counts.length];
        for (int i = 0; i < counts.length; i++) {
            byCount[i] = i;
        }
        Arrays.sort(byCount, (a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int n = 0;
        while (n < byCount.length && n < MAX_ITEMS && counts[byCount[n]] >= MIN_COUNT) {
            n++;
        }
        vocabulary = new int[n];
        position = new int[counts.length];
        Arrays.fill(position, -1);
        for (int k = 0; k < n; k++) {
            vocabulary[k] = byCount[k];
            position[byCount[k]] = k;
        }
        fallback = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            fallback[i] = (float) (-1000 + Math.log1p(counts[i]));
        }
        if (n == 0) {
            weights = new float[0];
            return;
        }
        double[] gram = new double[n * n];
        for (int u = 0; u < data.users(); u++) {
            int[] row = data.itemsOf(u);
            int[] inVocabulary = Arrays.stream(row).map(i -> position[i]).filter(p -> p >= 0).toArray();
            for (int a : inVocabulary) {
                int base = a * n;
                for (int b : inVocabulary) {
                    gram[base + b] += 1;
                }
            }
        }
        for (int d = 0; d < n; d++) {
            gram[d * n + d] += lambda;
        }
        double[] inverse = SymmetricInverse.invert(gram, n);
        weights = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                weights[row * n + col] = row == col ? 0 : (float) (-inverse[row * n + col] / inverse[col * n + col]);
            }
        }
    }

    @Override
    public float[] score(Interactions.UserHistory history, Set<String> interests) {
        float[] scores = fallback.clone();
        int n = vocabulary.length;
        float[] covered = new float[n];
        for (int k = 0; k < history.size(); k++) {
            int p = position[history.items()[k]];
            if (p < 0) {
                continue;
            }
            float w = history.weights()[k];
            int base = p * n;
            for (int col = 0; col < n; col++) {
                covered[col] += w * weights[base + col];
            }
        }
        for (int k = 0; k < n; k++) {
            scores[vocabulary[k]] = covered[k];
        }
        return scores;
    }

    @Override
    public int strongestReason(Interactions.UserHistory history, int item) {
        int target = position[item];
        if (target < 0) {
            return -1;
        }
        int best = -1;
        float bestValue = 0;
        for (int k = 0; k < history.size(); k++) {
            int p = position[history.items()[k]];
            if (p >= 0) {
                float value = history.weights()[k] * weights[p * vocabulary.length + target];
                if (value > bestValue) {
                    bestValue = value;
                    best = history.items()[k];
                }
            }
        }
        return best;
    }
}
