package io.cutroom.timelines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutroom.media.render.CropTrack;
import java.io.IOException;
import java.io.OutputStream;

/**
 * OpenTimelineIO's JSON ({@code .otio}): a timeline with a video track (and an audio one for clips with sound)
 * of clips referring to their files, with source ranges, markers, and the log in each clip's metadata.
 */
final class OtioWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OtioWriter() {
    }

    static void write(Timeline timeline, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("OTIO_SCHEMA", "Timeline.1");
        root.put("name", timeline.name());
        root.putObject("metadata").putObject("cutroom").put("fps", timeline.fps());
        ObjectNode stack = root.putObject("tracks");
        stack.put("OTIO_SCHEMA", "Stack.1");
        stack.put("name", "tracks");
        ArrayNode tracks = stack.putArray("children");
        tracks.add(track(timeline, "Video", true));
        if (timeline.clips().stream().anyMatch(Timeline.Clip::hasAudio)) {
            tracks.add(track(timeline, "Audio", false));
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }

    private static ObjectNode track(Timeline timeline, String kind, boolean video) {
        ObjectNode track = JSON.createObjectNode();
        track.put("OTIO_SCHEMA", "Track.1");
        track.put("name", kind.substring(0, 1) + "1");
        track.put("kind", kind);
        ArrayNode items = track.putArray("children");
        for (Timeline.Clip clip : timeline.clips()) {
            boolean present = video ? clip.hasVideo() : clip.hasAudio();
            items.add(present ? clip(timeline, clip) : gap(timeline, clip.durationSec()));
        }
        return track;
    }

    private static ObjectNode clip(Timeline timeline, Timeline.Clip clip) {
        ObjectNode node = JSON.createObjectNode();
        node.put("OTIO_SCHEMA", "Clip.2");
        node.put("name", clip.name());
        node.set("source_range", range(timeline, clip.inSec(), clip.durationSec()));
        ObjectNode log = node.putObject("metadata").putObject("cutroom");
        log.put("assetId", clip.assetId());
        log.put("rating", clip.rating());
        log.put("flag", clip.flag());
        if (clip.lut() != null) {
            log.put("lut", clip.lut().toAbsolutePath().toString());
        }
        if (clip.crop() != null) {
            // OTIO has no schema for a moving crop: the windows go in Cutroom's metadata, as fractions of the source.
            ObjectNode crop = log.putObject("crop");
            crop.put("aspect", clip.crop().aspect().toString());
            ArrayNode keys = crop.putArray("keyframes");
            for (CropTrack.Keyframe k : clip.cropKeys()) {
                keys.addObject().put("t", k.t()).put("x", k.window().x()).put("y", k.window().y())
                        .put("w", k.window().w()).put("h", k.window().h());
            }
        }
        ObjectNode refs = node.putObject("media_references");
        ObjectNode ref = refs.putObject("DEFAULT_MEDIA");
        ref.put("OTIO_SCHEMA", "ExternalReference.1");
        ref.put("target_url", Timeline.url(clip.source()));
        ref.set("available_range", range(timeline, 0, clip.sourceSec()));
        node.put("active_media_reference_key", "DEFAULT_MEDIA");
        ArrayNode markers = node.putArray("markers");
        for (Timeline.Marker m : clip.markers()) {
            ObjectNode marker = markers.addObject();
            marker.put("OTIO_SCHEMA", "Marker.2");
            marker.put("name", m.text());
            marker.put("color", m.kind().equals("tag") ? "CYAN" : "RED");
            marker.put("comment", m.kind());
            marker.set("marked_range", range(timeline, m.atSec(), 0));
        }
        return node;
    }

    private static ObjectNode gap(Timeline timeline, double seconds) {
        ObjectNode node = JSON.createObjectNode();
        node.put("OTIO_SCHEMA", "Gap.1");
        node.set("source_range", range(timeline, 0, seconds));
        return node;
    }

    private static ObjectNode range(Timeline timeline, double startSec, double durationSec) {
        ObjectNode range = JSON.createObjectNode();
        range.put("OTIO_SCHEMA", "TimeRange.1");
        range.set("start_time", time(timeline.frames(startSec), timeline.fps()));
        range.set("duration", time(timeline.frames(durationSec), timeline.fps()));
        return range;
    }

    private static ObjectNode time(long frames, int fps) {
        ObjectNode t = JSON.createObjectNode();
        t.put("OTIO_SCHEMA", "RationalTime.1");
        t.put("rate", (double) fps);
        t.put("value", (double) frames);
        return t;
    }
}
