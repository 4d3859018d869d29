package io.cutroom.catalog;

import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One catalog row. A ready asset has its probed {@link MediaInfo}; a failed one has only what could be
 * known without reading the media (path, size, hash, a kind guessed from the name) and the error.
 */
public record Asset(
        long id,
        Path path,
        MediaKind kind,
        long sizeBytes,
        String sha256,
        MediaInfo info,
        Instant importedAt,
        AssetStatus status,
        String error) {

    /** The same asset seen at another path: where this machine mounts the shared media. */
    public Asset withPath(Path local) {
        return new Asset(id, local, kind, sizeBytes, sha256, info, importedAt, status, error);
    }

    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** How long the media lasts, in seconds; 0 for a still, a failed row, or a length the probe did not find. */
    public double lengthSec() {
        return info == null || info.durationSec() == null ? 0 : info.durationSec();
    }

    public boolean isReady() {
        return status == AssetStatus.READY;
    }
}
