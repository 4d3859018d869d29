package io.cutroom.timelines;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The formats editing apps read, and the writer of each. */
public enum TimelineFormat {
    OTIO("otio"), FCPXML("fcpxml"), XMEML("xml"), EDL("edl"), MLT("mlt");

    private final String extension;

    TimelineFormat(String extension) {
        this.extension = extension;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    public static TimelineFormat parse(String text) {
        for (TimelineFormat f : values()) {
            if (f.id().equalsIgnoreCase(text.strip())) return f;
        }
        throw new IllegalArgumentException("A timeline format is otio, fcpxml, xmeml, edl or mlt, not '" + text + "'.");
    }

    public void write(Timeline timeline, OutputStream out) throws IOException {
        switch (this) {
            case OTIO -> OtioWriter.write(timeline, out);
            case FCPXML -> FcpxmlWriter.write(timeline, out);
            case XMEML -> XmemlWriter.write(timeline, out);
            case EDL -> EdlWriter.write(timeline, out);
            case MLT -> MltWriter.write(timeline, out);
        }
    }
}
