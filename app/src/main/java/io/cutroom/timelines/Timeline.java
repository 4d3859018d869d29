package io.cutroom.timelines;

import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of clips to hand to an editing app: each a stretch of a source file, one after another, with its
 * markers and what the editor logged about it. Times are seconds; writers turn them into each format's frames.
 */
public record Timeline(String name, int fps, int width, int height, List<Clip> clips) {
    public Timeline {
        clips = List.copyOf(clips);
    }

    /**
     * A stretch {@code inSec} to {@code outSec} of a source, which lasts {@code sourceSec} in all. In a reframed
     * sequence, {@code crop} is where the sequence's frame sits over the source as time goes (null: the whole
     * picture, fitted); {@code lut} is the clip's grade as a LUT file (null: not graded).
     */
    public record Clip(long assetId, Path source, String name, double inSec, double outSec, double sourceSec,
                       boolean hasVideo, boolean hasAudio, int rating, String flag, List<Marker> markers,
                       CropTrack crop, Path lut) {
        public Clip {
            markers = List.copyOf(markers);
        }

        public double durationSec() {
            return outSec - inSec;
        }

        public Clip withLut(Path file) {
            return new Clip(assetId, source, name, inSec, outSec, sourceSec, hasVideo, hasAudio, rating, flag, markers, crop, file);
        }

        /**
         * The crop's keyframes over this stretch, at source times: the window at the in point, every keyframe
         * between, and the window at the out point, so an app that interpolates linearly moves as the render does.
         */
        public List<CropTrack.Keyframe> cropKeys() {
            if (crop == null) {
                return List.of();
            }
            List<CropTrack.Keyframe> keys = new ArrayList<>();
            keys.add(new CropTrack.Keyframe(inSec, crop.windowAt(inSec)));
            for (CropTrack.Keyframe k : crop.keyframes()) {
                if (k.t() > inSec && k.t() < outSec) {
                    keys.add(new CropTrack.Keyframe(k.t(), crop.windowAt(k.t())));
                }
            }
            keys.add(new CropTrack.Keyframe(outSec, crop.windowAt(outSec)));
            return keys;
        }
    }

    /**
     * Where the whole source picture sits in the sequence's frame at one of a reframed clip's keyframes: scaled by
     * {@code scale} so the crop window fills the frame's height, with the picture's middle {@code dx} and {@code dy}
     * sequence pixels right of and below the frame's middle. Each format writes this in its own terms.
     */
    public record Placement(double atSec, double scale, double dx, double dy) {
    }

    /** The clip's crop keyframes ({@link Clip#cropKeys}) as placements of its source in this sequence's frame. */
    public List<Placement> placements(Clip clip) {
        int sourceW = clip.crop().sourceWidth();
        int sourceH = clip.crop().sourceHeight();
        List<Placement> out = new ArrayList<>();
        for (CropTrack.Keyframe k : clip.cropKeys()) {
            CropWindow w = k.window();
            double scale = height / (w.h() * sourceH);
            out.add(new Placement(k.t(), scale, -(w.x() + w.w() / 2 - 0.5) * sourceW * scale,
                    -(w.y() + w.h() / 2 - 0.5) * sourceH * scale));
        }
        return out;
    }

    public Timeline withClips(List<Clip> changed) {
        return new Timeline(name, fps, width, height, changed);
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

    /** Text as a line-based format (an EDL) can hold it: line breaks become spaces. */
    public static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    /** Where a file is, as the file URL editing apps read. */
    static String url(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }
}
