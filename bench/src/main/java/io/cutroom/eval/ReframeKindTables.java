package io.cutroom.eval;

import io.cutroom.eval.reframe.KindMetrics;
import io.cutroom.eval.reframe.MotionClip;
import io.cutroom.eval.reframe.MotionKind;
import io.cutroom.eval.reframe.MotionShot;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.reframe.Reframer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables {@code eval reframe} prints for the clips by kind of motion: one row per kind and method. */
final class ReframeKindTables {
    private ReframeKindTables() {
    }

    static void print(PrintWriter out, Map<String, KindMetrics> byMethod) {
        out.println("inside: frames with every visible subject in the window, of those a full-height window could hold;"
                + " widened: the same, of all frames with a subject in view, in the window as planned");
        out.println("speed ratio: the window's mean speed over that of the path that moves least and keeps the subjects in");
        out.printf("%-18s %-9s %7s %8s %9s %8s %8s %7s %11s %8s%n", "kind", "method", "inside", "widened", "distance",
                "speed", "accel", "ratio", "still move", "widen");
        KindMetrics any = byMethod.values().iterator().next();
        for (MotionKind kind : MotionKind.values()) {
            if (!any.byKind().containsKey(kind)) continue;
            for (Map.Entry<String, KindMetrics> m : byMethod.entrySet()) {
                row(out, kind.label(), m.getKey(), m.getValue().byKind().get(kind), kind == MotionKind.STILL);
            }
        }
        for (Map.Entry<String, KindMetrics> m : byMethod.entrySet()) {
            row(out, "all", m.getKey(), m.getValue().all(), true);
        }
    }

    /** Each generated shot of {@code clip}: the truth, and the shots and modes Cutroom found. */
    static void perShot(PrintWriter out, MotionClip clip, Reframer.Result result, AspectRatio shape) {
        out.printf("%s: cuts at %s; Cutroom's shots %s%n", clip.file().getFileName(), clip.cuts().stream()
                .map(c -> String.format(Locale.ROOT, "%.2f", c)).toList(), result.plan().shots().stream()
                .map(s -> String.format(Locale.ROOT, "%.2f-%.2f %s", s.startSec(), s.endSec(), s.mode().name().toLowerCase(Locale.ROOT)))
                .toList());
        // Shots are placed at the clip's cuts, which fall on whole frames: adding up the shots' lengths drifted
        // by up to a frame and left out a shot's first frame.
        List<Double> cuts = clip.cuts();
        for (int i = 0; i < clip.shots().size(); i++) {
            MotionShot shot = clip.shots().get(i);
            double start = i == 0 ? 0 : cuts.get(i - 1);
            double end = i < cuts.size() ? cuts.get(i) : Double.POSITIVE_INFINITY;
            double middle = start + shot.seconds() / 2;
            double[] truth = clip.frames().get((int) Math.min(clip.frames().size() - 1, Math.round(middle * MotionClip.FPS))).union();
            KindMetrics one = new KindMetrics();
            one.addRange(result.plan().track(), clip, shape, start, end);
            KindMetrics.Tally t = one.all();
            out.printf(Locale.ROOT, "  %5.2f s %-18s %-28s inside %s, distance %.3f, speed %.3f, least %.3f%n", start,
                    shot.kind().label(), shot.subjects().stream().map(p -> p.picture().getFileName().toString()).toList()
                            + " on " + shot.background().getFileName(), percent(t.insideRate()), t.meanCentreDistance(),
                    t.meanSpeed(), t.leastSpeed());
            result.signals().stream().min(java.util.Comparator.comparingDouble(f -> Math.abs(f.t() - middle))).ifPresent(f -> {
                out.printf(Locale.ROOT, "         at %.2f s truth %s, window x %.0f, seen:", f.t(), truth == null ? "none"
                        : String.format(Locale.ROOT, "%.0f-%.0f", truth[0] * MotionClip.WIDTH, (truth[0] + truth[2]) * MotionClip.WIDTH),
                        result.plan().track().windowAt(f.t()).x() * MotionClip.WIDTH);
                f.subjects().forEach(su -> out.printf(Locale.ROOT, " %s %.0f-%.0f (%.2f)", su.kind().name().toLowerCase(Locale.ROOT),
                        su.x() * MotionClip.WIDTH, (su.x() + su.w()) * MotionClip.WIDTH, su.importance()));
                out.println();
            });
        }
    }

    private static void row(PrintWriter out, String kind, String method, KindMetrics.Tally t, boolean still) {
        double ratio = t.leastSpeed() > 1e-9 ? t.meanSpeed() / t.leastSpeed() : Double.NaN;
        out.printf(Locale.ROOT, "%-18s %-9s %7s %8s %9.3f %8.3f %8.2f %7s %11s %7.1f%%%n", kind, method,
                percent(t.insideRate()), percent(t.insideWidenedRate()), t.meanCentreDistance(), t.meanSpeed(),
                t.meanAcceleration(), Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                still ? String.format(Locale.ROOT, "%d, %.0f px", t.stillMoved(), t.mostStillMovePx()) : "",
                t.widenedShare() * 100);
    }

    private static String percent(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
