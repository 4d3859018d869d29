package io.cutroom.timelines;

import java.nio.file.Path;
import java.util.List;

/**
 * A sequence of clips to hand to an editing app: each a stretch of a source file, one after another, with its
 * markers and what the editor logged about it. Times are seconds; writers turn them into each format's frames.
 */
public record Timeline(String name, int fps, int width, int height, List<Clip> clips) {
    public Timeline {
        clips = List.copyOf(clips);
    }

    /** A stretch {@code inSec} to {@code outSec} of a source, which lasts {@code sourceSec} in all. */
    public record Clip(long assetId, Path source, String name, double inSec, double outSec, double sourceSec,
                       boolean hasVideo, boolean hasAudio, int rating, String flag, List<Marker> markers) {
        public Clip {
            markers = List.copyOf(markers);
        }

        public double durationSec() {
            return outSec - inSec;
        }
    }

    /** A note at a time of the source ({@code tag} for a tag, {@code note} for an editor's marker). */
    public record Marker(double atSec, String text, String kind) {
    }

    /** Whole-frame sequence rates every editing app offers. */
    private static final int[] RATES = {24, 25, 30, 50, 60};

    /** The sequence rate nearest a source's rate: a phone's 26.8 fps clip goes on a 25 fps timeline. */
    public static int nearestRate(double fps) {
        int best = RATES[0];
        for (int rate : RATES) {
            if (Math.abs(rate - fps) < Math.abs(best - fps)) best = rate;
        }
        return best;
    }

    /** Where each clip starts in the sequence, in seconds. */
    public double startOf(int index) {
        double start = 0;
        for (int i = 0; i < index; i++) {
            start += clips.get(i).durationSec();
        }
        return start;
    }

    /** A time in whole frames at the sequence's rate. */
    public long frames(double seconds) {
        return Math.round(seconds * fps);
    }

    /** Where a file is, as the file URL editing apps read. */
    static String url(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }
}
