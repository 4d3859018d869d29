package io.cutroom.playlists;

import java.util.Map;

/**
 * What content-based recommending and playlist rules know about an item: title, length, kind, tags with
 * weights (tag confidence, or 1 for a genre), and an optional embedding (L2-normalised).
 */
public record ItemInfo(long id, String title, double durationSec, String kind, Map<String, Double> tags, float[] embedding) {
    public ItemInfo {
        tags = Map.copyOf(tags);
    }
}
