package io.cutroom.media;

import java.io.Serializable;
import java.util.Locale;

/**
 * A picture made from an asset. A filmstrip holds {@code frameCount} frames side by side, taken at the
 * middle of equal slices of the clip.
 */
public record Thumbnail(Role role, String mime, int width, int height, int frameCount, byte[] bytes)
        implements Serializable {

    public enum Role {
        POSTER, FILMSTRIP, WAVEFORM, COVER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
