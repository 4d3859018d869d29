package io.cutroom.playlists;

import java.util.Locale;
import java.util.Set;

/**
 * What a playlist must hold: a total length (seconds; 0 for a count instead), a largest item count, and
 * optional rules: only one kind, only items with one of some tags, no item longer than a limit.
 */
public record PlaylistRules(double targetSec, int maxItems, String kind, Set<String> anyTags, double maxClipSec) {
    public static PlaylistRules minutes(double minutes) {
        return new PlaylistRules(minutes * 60, 500, null, Set.of(), 0);
    }

    public PlaylistRules {
        anyTags = anyTags == null ? Set.of() : Set.copyOf(anyTags);
        if (targetSec < 0 || maxItems < 1 || maxClipSec < 0) {
            throw new IllegalArgumentException("A playlist needs a length of 0 or more, room for an item, and a limit of 0 or more.");
        }
    }

    public PlaylistRules withKind(String k) {
        return new PlaylistRules(targetSec, maxItems, k == null ? null : k.toLowerCase(Locale.ROOT), anyTags, maxClipSec);
    }

    public PlaylistRules withTags(Set<String> tags) {
        return new PlaylistRules(targetSec, maxItems, kind, tags, maxClipSec);
    }

    public PlaylistRules withMaxClip(double sec) {
        return new PlaylistRules(targetSec, maxItems, kind, anyTags, sec);
    }

    boolean allows(ItemInfo item) {
        if (kind != null && !kind.equals(item.kind())) {
            return false;
        }
        if (maxClipSec > 0 && item.durationSec() > maxClipSec) {
            return false;
        }
        return anyTags.isEmpty() || anyTags.stream().anyMatch(item.tags()::containsKey);
    }
}
