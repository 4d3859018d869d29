package io.cutroom.media;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * What probing found in a file. Sizes are the coded picture size as stored; {@code rotationCw} is the
 * clockwise turn (0, 90, 180, 270) that shows the picture upright, from the display matrix of a video
 * or the EXIF orientation of a still. Fields a kind does not have are null.
 */
public record MediaInfo(
        MediaKind kind,
        String container,
        Double durationSec,
        Integer width,
        Integer height,
        Double fps,
        int rotationCw,
        String pixelFormat,
        String videoCodec,
        String audioCodec,
        Integer sampleRate,
        Integer channels,
        Long bitRate,
        Map<String, String> tags,
        Instant createdAt) implements Serializable {

    public MediaInfo {
        tags = Map.copyOf(tags);
    }

    /** Width as shown, after rotation. */
    public Integer displayWidth() {
        return quarterTurn() ? height : width;
    }

    /** Height as shown, after rotation. */
    public Integer displayHeight() {
        return quarterTurn() ? width : height;
    }

    /** A still's EXIF orientation (1 to 8; 1 is as stored), as the probe recorded it in the tags. */
    public int exifOrientation() {
        try {
            return Integer.parseInt(tags.getOrDefault("orientation", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private boolean quarterTurn() {
        return rotationCw == 90 || rotationCw == 270;
    }
}
