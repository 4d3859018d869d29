package io.cutroom.playlists;

import java.util.Map;

/**
 * How much each event says about taste. Completing and liking count for an item, skipping and disliking
 * against it; a play alone counts a little for it (the viewer chose it), so a play followed by a skip nets
 * out negative. An item is a positive when its events sum above zero.
 */
public final class FeedbackWeights {
    public static final Map<String, Float> WEIGHTS = Map.of(
            "play", 0.25f, "complete", 1f, "like", 2f, "skip", -1f, "dislike", -2f);

    private FeedbackWeights() {
    }

    public static float of(String kind) {
        Float w = WEIGHTS.get(kind);
        if (w == null) {
            throw new IllegalArgumentException("'" + kind + "' is not an event.");
        }
        return w;
    }
}
