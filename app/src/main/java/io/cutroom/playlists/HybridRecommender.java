package io.cutroom.playlists;

import java.util.List;
import java.util.Set;

/**
 * Blends EASE (collaborative) and content-based scores by how much history the viewer has: with none,
 * content (interests) and popularity decide; with {@link #HALF_WAY} positives the two weigh the same; with
 * many, EASE leads. Each part is scaled to its best score first, so neither wins by units alone.
 */
public final class HybridRecommender implements Recommender {
    static final double HALF_WAY = 5;
    static final float POPULARITY_SHARE = 0.05f;
    private final EaseRecommender ease;
    private final ContentRecommender content = new ContentRecommender();
    private final PopularityRecommender popularity = new PopularityRecommender();

    public HybridRecommender() {
        this(new EaseRecommender());
    }

    public HybridRecommender(EaseRecommender ease) {
        this.ease = ease;
    }

    @Override
    public String id() {
        return "hybrid";
    }

    @Override
    public void fit(Interactions data, List<ItemInfo> items) {
        ease.fit(data, items);
        content.fit(data, items);
        popularity.fit(data, items);
    }

    /** The share of the collaborative part for a history of {@code size} positives. */
    static float collaborativeShare(int size) {
        return (float) (size / (size + HALF_WAY));
    }

    @Override
    public float[] score(Interactions.UserHistory history, Set<String> interests) {
        float share = collaborativeShare(history.size());
        float[] c = scaled(content.score(history, interests));
        float[] p = scaled(popularity.popularity());
        float[] e = share > 0 ? scaled(ease.score(history, interests)) : new float[c.length];
        float[] out = new float[c.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = share * e[i] + (1 - share) * c[i] + POPULARITY_SHARE * p[i];
        }
        return out;
    }

    @Override
    public int strongestReason(Interactions.UserHistory history, int item) {
        int reason = ease.strongestReason(history, item);
        return reason >= 0 ? reason : content.strongestReason(history, item);
    }

    ContentRecommender content() {
        return content;
    }

    /** Scores divided by the largest; scores at or below zero (EASE's uncovered items) become 0. */
    private static float[] scaled(float[] scores) {
        float max = 0;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        float[] out = new float[scores.length];
        if (max <= 0) {
            return out;
        }
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.max(0, scores[i] / max);
        }
        return out;
    }
}
