package io.cutroom.catalog;

import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the library shows: words to find in names, paths, codecs and tags; a kind; a duration range;
 * a codec. An empty filter shows everything.
 */
public record AssetFilter(String text, MediaKind kind, DurationRange duration, String codec)
        implements Predicate<Asset> {

    public static final AssetFilter ALL = new AssetFilter("", null, DurationRange.ANY, null);

    public enum DurationRange {
        ANY("Any length", 0, Double.MAX_VALUE),
        SHORT("Under 10 s", 0, 10),
        MEDIUM("10 s to 1 min", 10, 60),
        LONG("Over 1 min", 60, Double.MAX_VALUE);

        private final String label;
        private final double fromSec;
        private final double toSec;

        DurationRange(String label, double fromSec, double toSec) {
            this.label = label;
            this.fromSec = fromSec;
            this.toSec = toSec;
        }

        public String label() {
            return label;
        }

        boolean contains(Double seconds) {
            return this == ANY || (seconds != null && seconds >= fromSec && seconds < toSec);
        }
    }

    public AssetFilter {
        text = text == null ? "" : text.strip();
        duration = duration == null ? DurationRange.ANY : duration;
    }

    @Override
    public boolean test(Asset asset) {
        return test(asset, List.of());
    }

    /** As {@link #test(Asset)}, with the asset's shot tags among the words the text can match. */
    public boolean test(Asset asset, Collection<String> shotTags) {
        if (kind != null && asset.kind() != kind) {
            return false;
        }
        MediaInfo info = asset.info();
        if (!duration.contains(info == null ? null : info.durationSec())) {
            return false;
        }
        if (codec != null && (info == null || !(codec.equals(info.videoCodec()) || codec.equals(info.audioCodec())))) {
            return false;
        }
        return matchesWords(asset, shotTags);
    }

    /** Every word must appear somewhere: "bunny vp8" finds the Big Buck Bunny clip in VP8. */
    private boolean matchesWords(Asset asset, Collection<String> shotTags) {
        if (text.isEmpty()) {
            return true;
        }
        String haystack = searchableText(asset) + ' ' + String.join(" ", shotTags).toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String searchableText(Asset asset) {
        StringBuilder text = new StringBuilder(asset.path().toString());
        MediaInfo info = asset.info();
        if (info != null) {
            text.append(' ').append(info.videoCodec()).append(' ').append(info.audioCodec())
                    .append(' ').append(info.container());
            info.tags().values().forEach(v -> text.append(' ').append(v));
        }
        if (asset.error() != null) {
            text.append(' ').append(asset.error());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
