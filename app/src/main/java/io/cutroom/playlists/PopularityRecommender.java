package io.cutroom.playlists;

import java.util.List;
import java.util.Set;

/** The baseline: every viewer gets the items most viewers counted as positive. */
public final class PopularityRecommender implements Recommender {
    private float[] popularity = new float[0];

    @Override
    public String id() {
        return "popular";
    }

    @Override
    public void fit(Interactions data, List<ItemInfo> items) {
        int[] counts = data.itemCounts();
        popularity = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            popularity[i] = (float) Math.log1p(counts[i]);
        }
    }

    @Override
    public float[] score(Interactions.UserHistory history, Set<String> interests) {
        return popularity.clone();
    }

    /** log(1 + positives) per item, for blending. */
    float[] popularity() {
        return popularity;
    }
}
