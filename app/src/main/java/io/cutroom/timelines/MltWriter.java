package io.cutroom.timelines;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * An MLT project, as Shotcut and Kdenlive open it and {@code melt} renders it: a profile at the sequence's
 * size and rate, a producer per clip (with its grade as a LUT filter and its reframe as a keyframed affine filter),
 * a playlist of their in and out frames, and the markers as Shotcut's.
 */
final class MltWriter {
    private MltWriter() {
    }

    static void write(Timeline timeline, OutputStream out) throws IOException {
        try (Xml xml = new Xml(out, null)) {
            xml.open("mlt", "LC_NUMERIC", "C", "title", timeline.name(), "producer", "sequence");
            xml.empty("profile", "description", timeline.width() + "x" + timeline.height() + " " + timeline.fps() + " fps",
                    "width", timeline.width(), "height", timeline.height(), "progressive", 1,
                    "sample_aspect_num", 1, "sample_aspect_den", 1,
                    "display_aspect_num", timeline.width(), "display_aspect_den", timeline.height(),
                    "frame_rate_num", timeline.fps(), "frame_rate_den", 1, "colorspace", 709);
            for (int i = 0; i < timeline.clips().size(); i++) {
                Timeline.Clip clip = timeline.clips().get(i);
                xml.open("producer", "id", "clip" + i, "in", 0, "out", Math.max(0, timeline.frames(clip.sourceSec()) - 1));
                xml.text("property", clip.source().toAbsolutePath().toString(), "name", "resource");
                if (clip.lut() != null) {
                    xml.open("filter", "mlt_service", "avfilter.lut3d");
                    xml.text("property", clip.lut().toAbsolutePath().toString(), "name", "av.file");
                    xml.text("property", "tetrahedral", "name", "av.interp");
                    xml.end();
                }
                if (clip.crop() != null) {
                    reframe(xml, timeline, clip);
                }
                xml.end();
            }
            xml.open("playlist", "id", "main");
            for (int i = 0; i < timeline.clips().size(); i++) {
                Timeline.Clip clip = timeline.clips().get(i);
                long in = timeline.frames(clip.inSec());
                xml.empty("entry", "producer", "clip" + i, "in", in, "out", in + timeline.frames(clip.durationSec()) - 1);
            }
            xml.end();
            xml.open("tractor", "id", "sequence", "title", timeline.name());
            markers(xml, timeline);
            xml.open("multitrack");
            xml.empty("track", "producer", "main");
            xml.end();
            xml.end();
            xml.end();
        }
    }

    /**
     * The reframe as MLT's affine filter on the clip's producer: at each keyframe, the rectangle the whole source
     * picture fills in the sequence's frame so that the crop window fills the frame. A filter on a producer counts
     * its keyframes in the producer's own frames, that is source time at the sequence's rate; between them MLT
     * moves linearly, as Cutroom's render does. Outside the picture stays black, as a render with the pad fill.
     */
    private static void reframe(Xml xml, Timeline timeline, Timeline.Clip clip) throws IOException {
        StringBuilder rect = new StringBuilder();
        int sourceW = clip.crop().sourceWidth();
        int sourceH = clip.crop().sourceHeight();
        for (Timeline.Placement p : timeline.placements(clip)) {
            double width = sourceW * p.scale();
            double height = sourceH * p.scale();
            rect.append(rect.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%d=%.3f %.3f %.3f %.3f 1",
                    timeline.frames(p.atSec()), timeline.width() / 2.0 + p.dx() - width / 2,
                    timeline.height() / 2.0 + p.dy() - height / 2, width, height));
        }
        xml.open("filter", "mlt_service", "affine");
        xml.text("property", rect.toString(), "name", "transition.rect");
        xml.text("property", "1", "name", "transition.fill");
        xml.text("property", "0", "name", "transition.distort");
        xml.text("property", "left", "name", "transition.halign");
        xml.text("property", "top", "name", "transition.valign");
        xml.end();
    }

    /** Shotcut's markers: a text, a start and an end in the sequence's time, and a colour. */
    private static void markers(Xml xml, Timeline timeline) throws IOException {
        xml.open("properties", "name", "shotcut:markers");
        int n = 0;
        for (int i = 0; i < timeline.clips().size(); i++) {
            Timeline.Clip clip = timeline.clips().get(i);
            for (Timeline.Marker m : clip.markers()) {
                String at = clock(timeline.startOf(i) + m.atSec() - clip.inSec());
                xml.open("properties", "name", n++);
                xml.text("property", m.text(), "name", "text");
                xml.text("property", at, "name", "start");
                xml.text("property", at, "name", "end");
                xml.text("property", m.kind().equals("tag") ? "#00bcd4" : "#e53935", "name", "color");
                xml.end();
            }
        }
        xml.end();
    }

    static String clock(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60, ms % 1000);
    }
}
