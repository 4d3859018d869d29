package io.cutroom.ui.clip;

import io.cutroom.catalog.Asset;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the clip view decides about an asset, without a toolkit: the facts it lists, which player plays it, and
 * how long a playlist's play-through gives it. {@link ClipView} draws these.
 */
final class ClipModel {
    /** Containers JavaFX's own media player may open; the rest, and any it refuses, are decoded by Cutroom. */
    private static final Set<String> FX_MEDIA = Set.of("mp4", "m4v", "mov", "m4a", "mp3", "wav", "aif", "aiff");
    /** The players stop at their end without a common signal: this slack for starting up ends the item anyway. */
    static final double PLAY_THROUGH_SLACK_SEC = 3;

    private ClipModel() {
    }

    /** The facts listed under the preview, by label, in order; empty facts are left out. */
    static Map<String, String> facts(Asset asset) {
        Map<String, String> f = new LinkedHashMap<>();
        MediaInfo i = asset.info();
        f.put("Path", asset.path().toString());
        f.put("Size", String.format(Locale.ROOT, "%.1f MB", asset.sizeBytes() / 1e6));
        if (i != null) {
            f.put("Kind", i.kind().id());
            put(f, "Container", i.container());
            put(f, "Duration", i.durationSec() == null ? null : String.format(Locale.ROOT, "%.3f s", i.durationSec()));
            put(f, "Picture", i.width() == null ? null : i.width() + " × " + i.height()
                    + (i.rotationCw() != 0 ? " (shown turned " + i.rotationCw() + "°)" : ""));
            put(f, "Frame rate", i.fps() == null ? null : String.format(Locale.ROOT, "%.3f fps", i.fps()));
            put(f, "Video codec", i.videoCodec());
            put(f, "Pixel format", i.pixelFormat());
            put(f, "Audio codec", i.audioCodec());
            put(f, "Audio", i.sampleRate() == null ? null : i.sampleRate() + " Hz, " + i.channels() + " ch");
            put(f, "Bit rate", i.bitRate() == null ? null : Math.round(i.bitRate() / 1000.0) + " kb/s");
            put(f, "Created", i.createdAt() == null ? null : i.createdAt().toString());
            for (String tag : List.of("title", "artist", "album", "date", "comment")) {
                put(f, tag.substring(0, 1).toUpperCase(Locale.ROOT) + tag.substring(1), i.tags().get(tag));
            }
        }
        f.put("Imported", asset.importedAt().toString());
        f.put("SHA-256", asset.sha256());
        return f;
    }

    /** Whether JavaFX's media player is tried first: by the file's extension, whatever its case. */
    static boolean triesFxMedia(Asset asset) {
        String name = asset.fileName().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return FX_MEDIA.contains(ext);
    }

    /**
     * How long a playlist's play-through gives the asset before it moves on: a still stands for
     * {@code stillSec}; a clip for its length plus the slack, unless its playhead reaches the end first.
     */
    static double playThroughSeconds(Asset asset, double stillSec) {
        if (asset.kind() == MediaKind.IMAGE || asset.info() == null || asset.info().durationSec() == null) {
            return stillSec;
        }
        return asset.info().durationSec() + PLAY_THROUGH_SLACK_SEC;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
