package io.cutroom.media;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a file is to an editor: moving pictures, sound only, or a still. */
public enum MediaKind {
    VIDEO(Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi", "mts", "m2ts", "ts", "mxf", "mpg", "mpeg",
            "wmv", "flv", "3gp", "ogv", "gif")),
    AUDIO(Set.of("wav", "flac", "mp3", "m4a", "aac", "ogg", "oga", "opus", "aif", "aiff", "wma", "ac3", "w64")),
    IMAGE(Set.of("jpg", "jpeg", "png", "tif", "tiff", "bmp", "webp", "jp2", "tga", "dpx", "exr"));

    private final Set<String> extensions;

    MediaKind(Set<String> extensions) {
        this.extensions = extensions;
    }

    /** The name stored in the catalog and printed by the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MediaKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The kind a file name suggests; a guess used for files that could not be probed and for folder scans. */
    public static Optional<MediaKind> guessFromName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (MediaKind kind : values()) {
            if (kind.extensions.contains(ext)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
