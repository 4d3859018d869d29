package io.cutroom.reframe;

import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import io.cutroom.media.shots.Shot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns what the analysis saw into a crop track, shot by shot. Nothing is smoothed across a cut: each shot
 * is planned on its own, and the window jumps at the cut (the shot before keeps its window until a
 * millisecond before it).
 */
public final class CameraPlanner {
    /** The last keyframe of a shot sits this far before the cut, so the window jumps at the cut itself. */
    static final double BEFORE_CUT_SEC = 0.001;
    /** A shot is widened only when its subjects need at least this much more than the output shape. */
    static final double WIDEN_AT_LEAST = 1.03;
    /** A widened window leaves its subjects this much room on each side (a fortieth of the frame): boxes are a few percent off. */
    static final double WIDEN_ROOM = 0.025;
    /** Subjects that need this share of the frame's width or more get all of it, where the limit allows. */
    static final double SNAP_TO_FRAME = 0.85;

    public record Plan(CropTrack track, List<ShotPlan> shots) {
    }

    private CameraPlanner() {
    }

    public static Plan plan(int width, int height, AspectRatio aspect, List<Shot> shots, List<FrameSignals> signals,
                            MotionStyle style) {
        return plan(width, height, aspect, shots, signals, style, List.of(), List.of());
    }

    /**
     * As above, through the editor's pins: at a pin's time the window is where the editor put it, and the
     * rest of the shot is planned around it (a pin is a subject that must be exactly there).
     */
    public static Plan plan(int width, int height, AspectRatio aspect, List<Shot> shots, List<FrameSignals> signals,
                            MotionStyle style, List<Pin> pins, List<SubjectLock> locks) {
        return plan(width, height, aspect, shots, signals, style, pins, locks, Widening.NONE);
    }

    /**
     * As above, letting a shot's window grow as far as {@code widening} allows where its subjects cannot all
     * be held at the output shape: the shot keeps one size throughout, so nothing zooms within it.
     */
    public static Plan plan(int width, int height, AspectRatio aspect, List<Shot> shots, List<FrameSignals> signals,
                            MotionStyle style, List<Pin> pins, List<SubjectLock> locks, Widening widening) {
        CropWindow full = CropTrack.centered(width, height, aspect).keyframes().get(0).window();
        List<CropTrack.Keyframe> keyframes = new ArrayList<>();
        List<ShotPlan> plans = new ArrayList<>();
        for (Shot shot : shots) {
            List<FrameSignals> inShot = signals.stream().filter(f -> f.t() >= shot.startSec() && f.t() < shot.endSec()).toList();
            for (SubjectLock lock : locks) {
                if (lock.t() >= shot.startSec() && lock.t() < shot.endSec()) {
                    inShot = lock.follow(inShot);
                }
            }
            double w = shotWidth(inShot, full.w(), widening), h = full.h() * w / full.w();
            List<Aim> aims = inShot.stream().map(f -> Aim.of(f, w, h)).toList();
            List<Aim> seen = new ArrayList<>(holdWhereUnseen(aims));
            for (Pin pin : pins) {
                if (pin.t() >= shot.startSec() && pin.t() < shot.endSec()) {
                    double cx = Aim.clamp(pin.cx(), w / 2, 1 - w / 2), cy = Aim.clamp(pin.cy(), h / 2, 1 - h / 2);
                    seen.removeIf(a -> Math.abs(a.t() - pin.t()) < 1e-6);
                    seen.add(new Aim(pin.t(), true, cx, cy, cx, cx, cy, cy, 1, 0));
                }
            }
            seen.sort(Comparator.comparingDouble(Aim::t));
            double end = Math.max(shot.startSec(), shot.endSec() - BEFORE_CUT_SEC);
            AxisPath.Result x = axis(shot.startSec(), end, seen, true, w, style);
            AxisPath.Result y = axis(shot.startSec(), end, seen, false, h, style);
            for (double t : times(x, y)) {
                double cx = at(x, t), cy = at(y, t);
                keyframes.add(new CropTrack.Keyframe(t, new CropWindow(cx - w / 2, cy - h / 2, w, h)));
            }
            int dropped = (int) aims.stream().filter(a -> a.dropped() > 0).count();
            plans.add(new ShotPlan(shot.index(), shot.startSec(), shot.endSec(), busier(x.mode(), y.mode()), dropped, aims.size(),
                    w / full.w(), mostOftenLeftOut(aims)));
        }
        return new Plan(new CropTrack(width, height, aspect, keyframes, widening.fill()), plans);
    }

    /**
     * The window's width for a shot: the output shape's at full height ({@code w}), or, where widening is
     * allowed and the subjects whose leaving out would be reported ({@link Aim#worthReporting}) need more at most
     * positions (the 90th percentile, so a stray box does not decide), as wide as they need with
     * {@link #WIDEN_ROOM} on each side, up to the limit and never past the frame's width.
     */
    static double shotWidth(List<FrameSignals> inShot, double w, Widening widening) {
        if (!widening.allowed()) return w;
        List<Double> needed = new ArrayList<>();
        for (FrameSignals f : inShot) {
            double left = 1, right = 0;
            double mostImportant = f.subjects().isEmpty() ? 0 : f.subjects().get(0).importance();
            for (Subject s : f.subjects()) {
                if (Aim.worthReporting(s, mostImportant)) {
                    left = Math.min(left, s.x());
                    right = Math.max(right, s.x() + s.w());
                }
            }
            if (right > left) needed.add(right - left + 2 * WIDEN_ROOM);
        }
        if (needed.isEmpty()) return w;
        needed.sort(Comparator.naturalOrder());
        double most = needed.get((int) Math.floor(0.9 * (needed.size() - 1)));
        if (most <= w * WIDEN_AT_LEAST) return w;
        // Nearly the whole frame is the whole frame: a window a sliver narrower only crops what the boxes missed.
        double wanted = most >= SNAP_TO_FRAME ? 1 : most;
        return Math.min(wanted, Math.min(1, w * widening.limit()));
    }

    /** The name most often given to the subject left out, null when none was. */
    private static String mostOftenLeftOut(List<Aim> aims) {
        return aims.stream().map(Aim::droppedName).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Moments where nothing was seen keep the last aim seen in the shot (or the first, before any). */
    private static List<Aim> holdWhereUnseen(List<Aim> aims) {
        List<Aim> out = new ArrayList<>();
        Aim last = aims.stream().filter(Aim::seen).findFirst().orElse(null);
        for (Aim a : aims) {
            if (a.seen()) {
                last = a;
                out.add(a);
            } else if (last != null) {
                out.add(new Aim(a.t(), true, last.cx(), last.cy(), last.loX(), last.hiX(), last.loY(), last.hiY(), 0, 0));
            } else {
                out.add(a); // nothing seen in the whole shot: the centre
            }
        }
        return out;
    }

    private static AxisPath.Result axis(double start, double end, List<Aim> aims, boolean horizontal, double window,
                                        MotionStyle style) {
        int n = aims.size();
        double[] t = new double[n], aim = new double[n], lo = new double[n], hi = new double[n];
        for (int i = 0; i < n; i++) {
            Aim a = aims.get(i);
            t[i] = a.t();
            aim[i] = horizontal ? a.cx() : a.cy();
            lo[i] = horizontal ? a.loX() : a.loY();
            hi[i] = horizontal ? a.hiX() : a.hiY();
        }
        return AxisPath.plan(start, end, t, aim, lo, hi, window, style);
    }

    private static List<Double> times(AxisPath.Result x, AxisPath.Result y) {
        TreeSet<Double> times = new TreeSet<>();
        x.points().forEach(p -> times.add(p.t()));
        y.points().forEach(p -> times.add(p.t()));
        return new ArrayList<>(times);
    }

    private static double at(AxisPath.Result path, double t) {
        List<AxisPath.Point> p = path.points();
        if (t <= p.get(0).t()) return p.get(0).pos();
        for (int i = 1; i < p.size(); i++) {
            if (t <= p.get(i).t()) {
                double span = p.get(i).t() - p.get(i - 1).t();
                double f = span <= 0 ? 1 : (t - p.get(i - 1).t()) / span;
                return p.get(i - 1).pos() + f * (p.get(i).pos() - p.get(i - 1).pos());
            }
        }
        return p.get(p.size() - 1).pos();
    }

    private static ShotPlan.Mode busier(ShotPlan.Mode a, ShotPlan.Mode b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
