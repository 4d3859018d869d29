package io.cutroom.eval.reframe;

import io.cutroom.eval.reframe.ReframeMetrics;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import io.cutroom.reframe.LeastMotion;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a crop track frames a generated clip, summed per kind of motion over every frame:
 * <ul>
 *   <li>inside: frames whose window holds every visible subject, of those where a window of the output
 *   shape at full height could hold them (with widening: of all frames with a subject in view, in the
 *   window as planned);</li>
 *   <li>the distance from the subjects' centre to the window's, in frame widths;</li>
 *   <li>within shots, the window's mean speed (frame widths a second) and acceleration (a second squared),
 *   and the same speed for the path that moves least while keeping the subjects in ({@link LeastMotion});</li>
 *   <li>in still shots, the frames where the window moved and the most it moved, in pixels;</li>
 *   <li>the frames whose window was wider than the output shape at full height.</li>
 * </ul>
 */
public final class KindMetrics {
    /** A move of less than half a pixel of the generated frame is no move. */
    static final double STILL = 0.5 / MotionClip.WIDTH;

    /** The sums for one kind; rates and means are read from them. */
    public static final class Tally {
        int frames, holdable, inside, inView, insideWidened, widened, speedSamples, accelerationSamples, stillFrames, stillMoved;
        double distance, speed, acceleration, leastTravel, leastSeconds, mostStillMovePx;

        public double insideRate() {
            return holdable == 0 ? Double.NaN : inside / (double) holdable;
        }

        public double insideWidenedRate() {
            return inView == 0 ? Double.NaN : insideWidened / (double) inView;
        }

        public double meanCentreDistance() {
            return inView == 0 ? 0 : distance / inView;
        }

        public double meanSpeed() {
            return speedSamples == 0 ? 0 : speed / speedSamples;
        }

        public double meanAcceleration() {
            return accelerationSamples == 0 ? 0 : acceleration / accelerationSamples;
        }

        /** The least-motion path's mean speed over the same frames. */
        public double leastSpeed() {
            return leastSeconds == 0 ? 0 : leastTravel / leastSeconds;
        }

        public int stillMoved() {
            return stillMoved;
        }

        public double mostStillMovePx() {
            return mostStillMovePx;
        }

        public double widenedShare() {
            return frames == 0 ? 0 : widened / (double) frames;
        }

        public int frames() {
            return frames;
        }

        void add(Tally o) {
            frames += o.frames; holdable += o.holdable; inside += o.inside; inView += o.inView;
            insideWidened += o.insideWidened; widened += o.widened; speedSamples += o.speedSamples;
            accelerationSamples += o.accelerationSamples; stillFrames += o.stillFrames; stillMoved += o.stillMoved;
            distance += o.distance; speed += o.speed; acceleration += o.acceleration; leastTravel += o.leastTravel;
            leastSeconds += o.leastSeconds; mostStillMovePx = Math.max(mostStillMovePx, o.mostStillMovePx);
        }
    }

    private final Map<MotionKind, Tally> byKind = new EnumMap<>(MotionKind.class);

    public Map<MotionKind, Tally> byKind() {
        return byKind;
    }

    /** Every kind together. */
    public Tally all() {
        Tally sum = new Tally();
        byKind.values().forEach(sum::add);
        return sum;
    }

    /** Adds the frames of {@code clip} as framed by {@code track}. */
    public void add(CropTrack track, MotionClip clip, AspectRatio aspect) {
        addRange(track, clip, aspect, 0, Double.POSITIVE_INFINITY);
    }

    /** Adds the frames of {@code clip} shown from {@code fromSec} until {@code toSec}. */
    public void addRange(CropTrack track, MotionClip clip, AspectRatio aspect, double fromSec, double toSec) {
        CropWindow full = CropTrack.centered(MotionClip.WIDTH, MotionClip.HEIGHT, aspect).keyframes().get(0).window();
        List<MotionClip.Frame> frames = clip.frames();
        int start = (int) Math.ceil(fromSec * MotionClip.FPS - 1e-6);
        int last = (int) Math.min(frames.size(), Math.ceil(toSec * MotionClip.FPS - 1e-6));
        while (start < last) {
            int end = start;
            while (end < last && frames.get(end).shot() == frames.get(start).shot()) end++;
            addShot(track, frames, start, end, full);
            start = end;
        }
    }

    private void addShot(CropTrack track, List<MotionClip.Frame> frames, int from, int to, CropWindow full) {
        MotionKind kind = frames.get(from).kind();
        Tally tally = byKind.computeIfAbsent(kind, k -> new Tally());
        double fps = MotionClip.FPS;
        double[] lo = new double[to - from], hi = new double[to - from];
        double previousX = Double.NaN, previousVelocity = Double.NaN, firstX = Double.NaN;
        for (int k = from; k < to; k++) {
            CropWindow win = track.windowAt(k / fps);
            double[] u = frames.get(k).union();
            tally.frames++;
            if (win.w() > full.w() * 1.01) tally.widened++;
            if (u != null) {
                tally.inView++;
                if (win.holds(u, ReframeMetrics.EDGE_TOLERANCE)) tally.insideWidened++;
                if (u[2] <= full.w() + ReframeMetrics.EDGE_TOLERANCE && u[3] <= full.h() + ReframeMetrics.EDGE_TOLERANCE) {
                    tally.holdable++;
                    if (win.holds(u, ReframeMetrics.EDGE_TOLERANCE)) tally.inside++;
                }
                tally.distance += Math.abs(u[0] + u[2] / 2 - (win.x() + win.w() / 2));
                double half = full.w() / 2;
                lo[k - from] = Math.max(half, Math.min(1 - half, u[0] + u[2] - half));
                hi[k - from] = Math.max(lo[k - from], Math.min(1 - half, u[0] + half));
            } else {
                lo[k - from] = full.w() / 2;
                hi[k - from] = 1 - full.w() / 2;
            }
            if (k > from) {
                double velocity = (win.x() - previousX) * fps;
                tally.speed += Math.abs(velocity);
                tally.speedSamples++;
                if (!Double.isNaN(previousVelocity)) {
                    tally.acceleration += Math.abs(velocity - previousVelocity) * fps;
                    tally.accelerationSamples++;
                }
                previousVelocity = velocity;
            } else {
                firstX = win.x();
            }
            if (kind == MotionKind.STILL) {
                tally.stillFrames++;
                if (k > from && Math.abs(win.x() - previousX) > STILL) tally.stillMoved++;
                tally.mostStillMovePx = Math.max(tally.mostStillMovePx, Math.abs(win.x() - firstX) * MotionClip.WIDTH);
            }
            previousX = win.x();
        }
        tally.leastTravel += LeastMotion.travel(LeastMotion.path(lo, hi, 0.5));
        tally.leastSeconds += Math.max(0, to - from - 1) / fps;
    }
}
