package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.media.MediaInfo;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shape of an asset. Field names are a contract with scripts and other features:
 * id, path, kind, durationSec, width, height, fps, rotation, videoCodec, audioCodec, sampleRate,
 * channels, sha256, status, error, and more after them.
 */
final class AssetJson {
    private AssetJson() {
    }

    static Map<String, Object> of(Asset asset) {
        MediaInfo info = asset.info();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", asset.id());
        json.put("path", asset.path().toString());
        json.put("kind", asset.kind() == null ? null : asset.kind().id());
        json.put("durationSec", info == null ? null : info.durationSec());
        json.put("width", info == null ? null : info.width());
        json.put("height", info == null ? null : info.height());
        json.put("fps", info == null ? null : info.fps());
        json.put("rotation", info == null ? 0 : info.rotationCw());
        json.put("videoCodec", info == null ? null : info.videoCodec());
        json.put("audioCodec", info == null ? null : info.audioCodec());
        json.put("sampleRate", info == null ? null : info.sampleRate());
        json.put("channels", info == null ? null : info.channels());
        json.put("sha256", asset.sha256());
        json.put("status", asset.status().id());
        json.put("error", asset.error());
        json.put("sizeBytes", asset.sizeBytes());
        json.put("displayWidth", info == null ? null : info.displayWidth());
        json.put("displayHeight", info == null ? null : info.displayHeight());
        json.put("pixelFormat", info == null ? null : info.pixelFormat());
        json.put("container", info == null ? null : info.container());
        json.put("bitRate", info == null ? null : info.bitRate());
        json.put("tags", info == null ? Map.of() : info.tags());
        json.put("createdAt", info == null || info.createdAt() == null ? null : info.createdAt().toString());
        json.put("importedAt", asset.importedAt().toString());
        json.put("offline", !Files.exists(asset.path()));
        return json;
    }
}
