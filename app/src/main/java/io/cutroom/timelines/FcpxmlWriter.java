package io.cutroom.timelines;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Final Cut Pro XML 1.10, which Final Cut Pro and DaVinci Resolve import: one format, an asset per source file
 * (its media as a file URL), and a project whose spine holds an asset clip per clip, with its markers and a
 * rating (favorite for a pick, reject for a reject), and a reframed clip's keyframed transform. Times are rational
 * seconds at the sequence's rate.
 */
final class FcpxmlWriter {
    private FcpxmlWriter() {
    }

    static void write(Timeline timeline, OutputStream out) throws IOException {
        int fps = timeline.fps();
        Map<Path, String> assets = new LinkedHashMap<>();
        try (Xml xml = new Xml(out, "fcpxml")) {
            xml.open("fcpxml", "version", "1.10");
            xml.open("resources");
            xml.empty("format", "id", "r1", "frameDuration", "1/" + fps + "s", "width", timeline.width(), "height", timeline.height());
            for (Timeline.Clip clip : timeline.clips()) {
                if (assets.containsKey(clip.source())) continue;
                String id = "r" + (assets.size() + 2);
                assets.put(clip.source(), id);
                xml.open("asset", "id", id, "name", clip.source().getFileName().toString(), "start", "0s",
                        "duration", time(timeline.frames(clip.sourceSec()), fps), "hasVideo", clip.hasVideo() ? 1 : 0,
                        "hasAudio", clip.hasAudio() ? 1 : 0, "format", clip.hasVideo() ? "r1" : null);
                xml.empty("media-rep", "kind", "original-media", "src", Timeline.url(clip.source()));
                xml.end();
            }
            xml.end();
            xml.open("library");
            xml.open("event", "name", timeline.name());
            xml.open("project", "name", timeline.name());
            long total = timeline.frames(timeline.startOf(timeline.clips().size()));
            xml.open("sequence", "format", "r1", "duration", time(total, fps), "tcStart", "0s", "tcFormat", "NDF");
            xml.open("spine");
            for (int i = 0; i < timeline.clips().size(); i++) {
                Timeline.Clip clip = timeline.clips().get(i);
                long start = timeline.frames(clip.inSec());
                long duration = timeline.frames(clip.durationSec());
                xml.open("asset-clip", "ref", assets.get(clip.source()), "name", clip.name(),
                        "offset", time(timeline.frames(timeline.startOf(i)), fps), "start", time(start, fps),
                        "duration", time(duration, fps), "format", clip.hasVideo() ? "r1" : null);
                if (clip.crop() != null) {
                    reframe(xml, timeline, clip);
                }
                for (Timeline.Marker m : clip.markers()) {
                    xml.empty("marker", "start", time(timeline.frames(m.atSec()), fps), "duration", time(1, fps),
                            "value", m.text(), "note", m.kind());
                }
                if (!clip.flag().equals("none")) {
                    xml.empty("rating", "start", time(start, fps), "duration", time(duration, fps),
                            "value", clip.flag().equals("pick") ? "favorite" : "reject");
                }
                xml.end();
            }
            xml.end().end().end().end().end().end();
        }
    }

    /**
     * The reframe as a keyframed transform: the source at its own pixel size (no conform), scaled so the crop
     * window fills the frame's height, and moved so the window's centre sits on the frame's centre. FCPXML gives
     * positions in hundredths of the frame's height with y up, and keyframe times in the clip's source time.
     */
    private static void reframe(Xml xml, Timeline timeline, Timeline.Clip clip) throws IOException {
        int fps = timeline.fps();
        List<Timeline.Placement> placements = timeline.placements(clip);
        xml.empty("adjust-conform", "type", "none");
        xml.open("adjust-transform", "position", position(placements.get(0), timeline), "scale", scale(placements.get(0)));
        xml.open("param", "name", "position");
        xml.open("keyframeAnimation");
        for (Timeline.Placement p : placements) {
            xml.empty("keyframe", "time", time(timeline.frames(p.atSec()), fps), "value", position(p, timeline), "curve", "linear");
        }
        xml.end().end();
        xml.open("param", "name", "scale");
        xml.open("keyframeAnimation");
        for (Timeline.Placement p : placements) {
            xml.empty("keyframe", "time", time(timeline.frames(p.atSec()), fps), "value", scale(p), "curve", "linear");
        }
        xml.end().end();
        xml.end();
    }

    private static String scale(Timeline.Placement p) {
        return String.format(Locale.ROOT, "%.5f %.5f", p.scale(), p.scale());
    }

    /** FCPXML's position: hundredths of the frame's height, y up. */
    private static String position(Timeline.Placement p, Timeline timeline) {
        return String.format(Locale.ROOT, "%.4f %.4f", p.dx() * 100 / timeline.height(), -p.dy() * 100 / timeline.height());
    }

    /** Frames as FCPXML's rational time: "0s", or "N/RATEs". */
    static String time(long frames, int fps) {
        return frames == 0 ? "0s" : frames + "/" + fps + "s";
    }
}
