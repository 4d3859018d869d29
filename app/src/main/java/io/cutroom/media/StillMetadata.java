package io.cutroom.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

/** EXIF facts of a still that FFmpeg's image demuxers leave out: orientation and when it was taken. */
public record StillMetadata(int orientation, Instant takenAt) {
    private static final StillMetadata NONE = new StillMetadata(1, null);

    /** EXIF orientations 5 to 8 are quarter turns (with or without a mirror); 3 and 4 are half turns. */
    public int rotationCw() {
        return switch (orientation) {
            case 3, 4 -> 180;
            case 5, 6 -> 90;
            case 7, 8 -> 270;
            default -> 0;
        };
    }

    public static StillMetadata read(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            int orientation = 1;
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int value = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                orientation = value >= 1 && value <= 8 ? value : 1;
            }
            Instant taken = null;
            ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                Date date = sub.getDateOriginal(TimeZone.getDefault());
                taken = date == null ? null : date.toInstant();
            }
            return new StillMetadata(orientation, taken);
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            // No readable EXIF is normal for PNGs and stripped JPEGs: show the picture as stored.
            return NONE;
        }
    }
}
