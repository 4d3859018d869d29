package io.cutroom.timelines;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Final Cut Pro 7 XML ({@code xmeml} version 4), which Premiere Pro and Resolve import: a sequence with a video
 * track and an audio track of clip items, each with its source in and out, its place in the sequence, its file
 * (described once, then referred to by id) and its markers. Frames are at the sequence's rate.
 */
final class XmemlWriter {
    private XmemlWriter() {
    }

    static void write(Timeline timeline, OutputStream out) throws IOException {
        long total = timeline.frames(timeline.startOf(timeline.clips().size()));
        try (Xml xml = new Xml(out, "xmeml")) {
            xml.open("xmeml", "version", 4);
            xml.open("sequence", "id", "sequence-1");
            xml.text("name", timeline.name());
            xml.text("duration", total);
            rate(xml, timeline.fps());
            Map<Path, String> files = new HashMap<>();
            xml.open("media");
            xml.open("video");
            xml.open("format").open("samplecharacteristics");
            xml.text("width", timeline.width()).text("height", timeline.height());
            xml.end().end();
            track(xml, timeline, true, files);
            xml.end();
            xml.open("audio");
            track(xml, timeline, false, files);
            xml.end();
            xml.end().end().end();
        }
    }

    /** A track of clip items; each file is described the first time it is used, in either track, then referred to. */
    private static void track(Xml xml, Timeline timeline, boolean video, Map<Path, String> files) throws IOException {
        xml.open("track");
        for (int i = 0; i < timeline.clips().size(); i++) {
            Timeline.Clip clip = timeline.clips().get(i);
            if (video ? !clip.hasVideo() : !clip.hasAudio()) continue;
            long start = timeline.frames(timeline.startOf(i));
            long in = timeline.frames(clip.inSec());
            long length = timeline.frames(clip.durationSec());
            xml.open("clipitem", "id", (video ? "v" : "a") + "clip-" + (i + 1));
            xml.text("name", clip.name());
            xml.text("duration", timeline.frames(clip.sourceSec()));
            rate(xml, timeline.fps());
            xml.text("start", start).text("end", start + length).text("in", in).text("out", in + length);
            String id = files.get(clip.source());
            if (id == null) {
                id = "file-" + (clip.assetId());
                files.put(clip.source(), id);
                xml.open("file", "id", id);
                xml.text("name", clip.source().getFileName().toString());
                xml.text("pathurl", Timeline.url(clip.source()));
                rate(xml, timeline.fps());
                xml.text("duration", timeline.frames(clip.sourceSec()));
                xml.end();
            } else {
                xml.empty("file", "id", id);
            }
            if (video && clip.crop() != null) {
                basicMotion(xml, timeline, clip);
            }
            if (video) {
                for (Timeline.Marker m : clip.markers()) {
                    xml.open("marker");
                    xml.text("name", m.text()).text("comment", m.kind());
                    xml.text("in", timeline.frames(m.atSec())).text("out", -1);
                    xml.end();
                }
            }
            xml.end();
        }
        xml.end();
    }

    /**
     * The reframe as Basic Motion keyframes, as Premiere reads them: scale in percent of the source's own pixel size;
     * center as the source's middle in the sequence frame, from -1 at the left (top) edge to 1 at the right (bottom)
     * edge; keyframe times in frames from the clip item's start in the sequence.
     */
    private static void basicMotion(Xml xml, Timeline timeline, Timeline.Clip clip) throws IOException {
        List<Timeline.Placement> placements = timeline.placements(clip);
        xml.open("filter").open("effect");
        xml.text("name", "Basic Motion").text("effectid", "basic").text("effectcategory", "motion")
                .text("effecttype", "motion").text("mediatype", "video");
        xml.open("parameter").text("parameterid", "scale").text("name", "Scale").text("valuemin", 0).text("valuemax", 1000);
        xml.text("value", percent(placements.get(0)));
        for (Timeline.Placement p : placements) {
            xml.open("keyframe").text("when", timeline.frames(p.atSec() - clip.inSec())).text("value", percent(p)).end();
        }
        xml.end();
        xml.open("parameter").text("parameterid", "center").text("name", "Center");
        center(xml, placements.get(0), timeline);
        for (Timeline.Placement p : placements) {
            xml.open("keyframe").text("when", timeline.frames(p.atSec() - clip.inSec()));
            center(xml, p, timeline);
            xml.end();
        }
        xml.end();
        xml.end().end();
    }

    private static String percent(Timeline.Placement p) {
        return String.format(Locale.ROOT, "%.4f", 100 * p.scale());
    }

    /** The picture's middle in the sequence frame, -1 at the left (top) edge to 1 at the right (bottom) edge. */
    private static void center(Xml xml, Timeline.Placement p, Timeline timeline) throws IOException {
        xml.open("value").text("horiz", String.format(Locale.ROOT, "%.6f", 2 * p.dx() / timeline.width()))
                .text("vert", String.format(Locale.ROOT, "%.6f", 2 * p.dy() / timeline.height())).end();
    }

    private static void rate(Xml xml, int fps) throws IOException {
        xml.open("rate");
        xml.text("timebase", fps).text("ntsc", "FALSE");
        xml.end();
    }
}
