package io.cutroom.timelines;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A CMX 3600 edit decision list: one cut event per clip, source and record timecodes at the sequence's rate
 * (non-drop), the sequence starting at 01:00:00:00. The clip's file and name go in the comments editing apps
 * read ({@code * FROM CLIP NAME}, {@code * SOURCE FILE}), markers as Resolve's {@code * LOC} lines.
 */
final class EdlWriter {
    /** Reel names are eight characters at most in CMX 3600; AX stands for a file with no tape. */
    private static final String REEL = "AX";
    private static final long RECORD_START_SEC = 3600;

    private EdlWriter() {
    }

    static void write(Timeline timeline, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.print("TITLE: " + Timeline.oneLine(timeline.name()) + "\r\n");
        w.print("FCM: NON-DROP FRAME\r\n\r\n");
        for (int i = 0; i < timeline.clips().size(); i++) {
            Timeline.Clip clip = timeline.clips().get(i);
            long recordIn = timeline.frames(RECORD_START_SEC + timeline.startOf(i));
            long recordOut = recordIn + timeline.frames(clip.durationSec());
            long sourceIn = timeline.frames(clip.inSec());
            long sourceOut = sourceIn + timeline.frames(clip.durationSec());
            String channels = clip.hasVideo() && clip.hasAudio() ? "B" : clip.hasVideo() ? "V" : "A";
            w.printf(Locale.ROOT, "%03d  %-8s %-5s C        %s %s %s %s\r\n", i + 1, REEL, channels,
                    tc(sourceIn, timeline.fps()), tc(sourceOut, timeline.fps()), tc(recordIn, timeline.fps()),
                    tc(recordOut, timeline.fps()));
            w.print("* FROM CLIP NAME: " + Timeline.oneLine(clip.name()) + "\r\n");
            w.print("* SOURCE FILE: " + Timeline.oneLine(clip.source().toAbsolutePath().toString()) + "\r\n");
            for (Timeline.Marker m : clip.markers()) {
                long at = recordIn + timeline.frames(m.atSec() - clip.inSec());
                w.printf(Locale.ROOT, "* LOC: %s %-7s %s\r\n", tc(at, timeline.fps()), m.kind().equals("tag") ? "CYAN" : "RED",
                        Timeline.oneLine(m.text()));
            }
            w.print("\r\n");
        }
        w.flush();
    }

    static String tc(long frames, int fps) {
        long f = frames % fps;
        long s = frames / fps;
        return String.format(Locale.ROOT, "%02d:%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60, f);
    }

    /** A comment is one line: line breaks in a name become spaces. */
}
