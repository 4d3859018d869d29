package io.cutroom.playlists;

import java.util.List;
import java.util.Locale;

/** The recommenders by command-line name. */
public final class Recommenders {
    public static final List<String> IDS = List.of("hybrid", "ease", "itemknn", "content", "popular");

    private Recommenders() {
    }

    public static Recommender create(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "hybrid" -> new HybridRecommender();
            case "ease" -> new EaseRecommender();
            case "itemknn" -> new ItemKnnRecommender();
            case "content" -> new ContentRecommender();
            case "popular" -> new PopularityRecommender();
            default -> throw new IllegalArgumentException("There is no recommender called '" + id + "'; choose one of "
                    + String.join(", ", IDS) + ".");
        };
    }
}
