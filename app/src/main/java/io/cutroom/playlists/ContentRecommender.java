package io.cutroom.playlists;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Content-based: items are described by their tags (weighted by confidence and by rarity, TF-IDF), their
 * embedding when tagging made one, their kind and their length. A viewer's taste is the weighted mean of
 * their history's descriptions plus their declared interests; items are scored by similarity to it. Works
 * for a newcomer with only interests, and for items nobody has seen yet.
 */
public final class ContentRecommender implements Recommender {
    /** How much a declared interest weighs against one history item. */
    static final float INTEREST_WEIGHT = 2f;
    static final float EMBEDDING_SHARE = 0.5f;
    static final float KIND_SHARE = 0.1f;
    static final float LENGTH_SHARE = 0.1f;
    /** Tag likeness above which one item is a fair reason for another. */
    static final float LIKENESS_REASON = 0.2f;

    private final Map<String, Integer> vocabulary = new HashMap<>();
    private float[][] tagVectors = new float[0][];
    /** The same vectors, sparse (items carry a few tags of many): scoring a large catalog reads only these. */
    private int[][] tagIndex = new int[0][];
    private float[][] tagValue = new float[0][];
    private float[][] embeddings = new float[0][];
    private List<ItemInfo> items = List.of();

    @Override
    public String id() {
        return "content";
    }

    @Override
    public void fit(Interactions data, List<ItemInfo> items) {
        this.items = items;
        vocabulary.clear();
        Map<String, Integer> documents = new HashMap<>();
        for (ItemInfo item : items) {
            for (String tag : item.tags().keySet()) {
                vocabulary.putIfAbsent(tag, vocabulary.size());
                documents.merge(tag, 1, Integer::sum);
            }
        }
        tagVectors = new float[items.size()][];
        tagIndex = new int[items.size()][];
        tagValue = new float[items.size()][];
        embeddings = new float[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            float[] v = new float[vocabulary.size()];
            for (Map.Entry<String, Double> tag : items.get(i).tags().entrySet()) {
                // A tag on every item (live action) weighs nothing: it tells no item from another.
                double idf = Math.log((1.0 + items.size()) / (1.0 + documents.get(tag.getKey())));
                v[vocabulary.get(tag.getKey())] = (float) (tag.getValue() * idf);
            }
            tagVectors[i] = normalise(v);
            int nonZero = 0;
            for (float x : v) {
                nonZero += x != 0 ? 1 : 0;
            }
            tagIndex[i] = new int[nonZero];
            tagValue[i] = new float[nonZero];
            for (int t = 0, k = 0; t < v.length; t++) {
                if (v[t] != 0) {
                    tagIndex[i][k] = t;
                    tagValue[i][k++] = v[t];
                }
            }
            embeddings[i] = items.get(i).embedding();
        }
    }

    @Override
    public float[] score(Interactions.UserHistory history, Set<String> interests) {
        float[] taste = new float[vocabulary.size()];
        float[] embeddingTaste = null;
        Map<String, Double> kinds = new HashMap<>();
        double logLength = 0;
        double lengthWeight = 0;
        for (int k = 0; k < history.size(); k++) {
            int h = history.items()[k];
            float w = history.weights()[k];
            add(taste, tagVectors[h], w);
            if (embeddings[h] != null) {
                embeddingTaste = embeddingTaste == null ? new float[embeddings[h].length] : embeddingTaste;
                add(embeddingTaste, embeddings[h], w);
            }
            ItemInfo info = items.get(h);
            kinds.merge(info.kind(), (double) w, Double::sum);
            if (info.durationSec() > 0) {
                logLength += w * Math.log(info.durationSec());
                lengthWeight += w;
            }
        }
        for (String interest : interests) {
            Integer t = vocabulary.get(interest);
            if (t != null) {
                taste[t] += INTEREST_WEIGHT;
            }
        }
        normalise(taste);
        if (embeddingTaste != null) {
            normalise(embeddingTaste);
        }
        double totalKinds = kinds.values().stream().mapToDouble(Double::doubleValue).sum();
        double typicalLog = lengthWeight > 0 ? logLength / lengthWeight : Double.NaN;
        float[] scores = new float[items.size()];
        for (int i = 0; i < items.size(); i++) {
            float s = 0;
            for (int k = 0; k < tagIndex[i].length; k++) {
                s += taste[tagIndex[i][k]] * tagValue[i][k];
            }
            if (embeddingTaste != null && embeddings[i] != null) {
                s += EMBEDDING_SHARE * dot(embeddingTaste, embeddings[i]);
            }
            if (totalKinds > 0) {
                s += (float) (KIND_SHARE * kinds.getOrDefault(items.get(i).kind(), 0.0) / totalKinds);
            }
            if (!Double.isNaN(typicalLog) && items.get(i).durationSec() > 0) {
                s += (float) (LENGTH_SHARE * Math.exp(-Math.abs(Math.log(items.get(i).durationSec()) - typicalLog)));
            }
            scores[i] = s;
        }
        return scores;
    }

    /** Cosine similarity of two items' tag descriptions (for diversity and explanations). */
    public float tagSimilarity(int a, int b) {
        int[] ia = tagIndex[a];
        float s = 0;
        for (int k = 0; k < ia.length; k++) {
            s += tagValue[a][k] * tagVectors[b][ia[k]];
        }
        return s;
    }

    /** The interest with the largest part in the item's score, or null. */
    String matchingInterest(int item, Set<String> interests) {
        String best = null;
        float bestValue = 0;
        for (String interest : interests) {
            Integer t = vocabulary.get(interest);
            if (t != null && tagVectors[item][t] > bestValue) {
                bestValue = tagVectors[item][t];
                best = interest;
            }
        }
        return best;
    }

    @Override
    public int strongestReason(Interactions.UserHistory history, int item) {
        int best = -1;
        float bestValue = LIKENESS_REASON;
        for (int k = 0; k < history.size(); k++) {
            int h = history.items()[k];
            float value = tagSimilarity(h, item);
            if (value > bestValue) {
                bestValue = value;
                best = h;
            }
        }
        return best;
    }

    private static void add(float[] into, float[] v, float w) {
        for (int k = 0; k < v.length; k++) {
            into[k] += w * v[k];
        }
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int k = 0; k < Math.min(a.length, b.length); k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < v.length; k++) {
                v[k] *= inv;
            }
        }
        return v;
    }
}
