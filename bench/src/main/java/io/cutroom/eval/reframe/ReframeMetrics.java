package io.cutroom.eval.reframe;

import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import java.util.List;

/**
 * How well a crop track frames a ground-truth clip, measured on every frame: the share of frames whose
 * window holds the whole subject (where it fits), the mean distance between subject and window centres,
 * and within shots the mean window speed and acceleration (jitter) and the share of frames where it moves.
 * Speeds are in frame widths per second; a move across a cut is not counted as speed.
 */
public record ReframeMetrics(double insideRate, double meanCentreDistance, double meanSpeed, double meanAcceleration,
                             double movingShare, int frames) {
    /** A window edge may miss the subject by this much (a tenth of a pixel row at 720p) and still hold it. */
    public static final double EDGE_TOLERANCE = 0.002;
    /** Moves smaller than this per frame (under a pixel at 1080p) are not moves. */
    static final double STILL = 0.0005;

    public static ReframeMetrics measure(CropTrack track, GroundTruthClip clip) {
        int fps = GroundTruthClip.FPS;
        int frames = (int) Math.floor(clip.durationSec() * fps);
        List<Double> cuts = clip.cuts();
        int inside = 0, fits = 0, speedSamples = 0, accelerationSamples = 0, moving = 0;
        double distance = 0, speed = 0, acceleration = 0, previousX = Double.NaN, previousVelocity = Double.NaN;
        for (int k = 0; k < frames; k++) {
            double t = (k + 0.5) / fps;
            CropWindow win = track.windowAt(t);
            double[] s = clip.subjectAt(t);
            if (s[2] <= win.w() + EDGE_TOLERANCE && s[3] <= win.h() + EDGE_TOLERANCE) {
                fits++;
                if (win.holds(s, EDGE_TOLERANCE)) inside++;
            }
            distance += Math.abs((s[0] + s[2] / 2) - (win.x() + win.w() / 2));
            double tPrev = (k - 0.5) / fps;
            boolean sameShot = k > 0 && cuts.stream().noneMatch(c -> c > tPrev && c <= t);
            if (sameShot) {
                double velocity = (win.x() - previousX) * fps;
                speed += Math.abs(velocity);
                speedSamples++;
                if (Math.abs(win.x() - previousX) > STILL) moving++;
                if (!Double.isNaN(previousVelocity)) {
                    acceleration += Math.abs(velocity - previousVelocity) * fps;
                    accelerationSamples++;
                }
                previousVelocity = velocity;
            } else {
                previousVelocity = Double.NaN;
            }
            previousX = win.x();
        }
        return new ReframeMetrics(fits == 0 ? 1 : inside / (double) fits, distance / frames,
                speedSamples == 0 ? 0 : speed / speedSamples, accelerationSamples == 0 ? 0 : acceleration / accelerationSamples,
                speedSamples == 0 ? 0 : moving / (double) speedSamples, frames);
    }

    /** Frame-weighted mean of several clips' metrics. */
    public static ReframeMetrics mean(List<ReframeMetrics> all) {
        double n = all.stream().mapToInt(ReframeMetrics::frames).sum();
        return new ReframeMetrics(
                all.stream().mapToDouble(m -> m.insideRate() * m.frames()).sum() / n,
                all.stream().mapToDouble(m -> m.meanCentreDistance() * m.frames()).sum() / n,
                all.stream().mapToDouble(m -> m.meanSpeed() * m.frames()).sum() / n,
                all.stream().mapToDouble(m -> m.meanAcceleration() * m.frames()).sum() / n,
                all.stream().mapToDouble(m -> m.movingShare() * m.frames()).sum() / n, (int) n);
    }
}
