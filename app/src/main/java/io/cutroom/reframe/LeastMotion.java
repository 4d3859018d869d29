package io.cutroom.reframe;

/**
 * The path along one axis that moves least while staying in a corridor: at each sample, a position
 * between {@code lo} and {@code hi}. It starts where the corridor first forces a move would need the least
 * of it, then moves only when the corridor pushes it, and then only as far as the edge. Its total movement
 * is the least any path within the corridor can have, which makes it the yardstick for how much a camera
 * must move to keep a subject in, and the base the planner's responsive path is smoothed from.
 */
public final class LeastMotion {
    private LeastMotion() {
    }

    /** Where a corridor admits one position throughout, {@code preferred} clamped into it; otherwise the lazy path. */
    public static double[] path(double[] lo, double[] hi, double preferred) {
        int n = lo.length;
        double[] out = new double[n];
        if (n == 0) return out;
        double a = lo[0], b = hi[0];
        double start = Double.NaN;
        for (int i = 1; i < n && Double.isNaN(start); i++) {
            if (lo[i] > b) {
                start = b; // the corridor rises first: start as high as the run before it allows
            } else if (hi[i] < a) {
                start = a;
            } else {
                a = Math.max(a, lo[i]);
                b = Math.min(b, hi[i]);
            }
        }
        if (Double.isNaN(start)) start = Math.max(a, Math.min(b, preferred));
        double pos = start;
        for (int i = 0; i < n; i++) {
            pos = Math.max(lo[i], Math.min(hi[i], pos));
            out[i] = pos;
        }
        return out;
    }

    /** The summed movement of a path: its total variation. */
    public static double travel(double[] path) {
        double sum = 0;
        for (int i = 1; i < path.length; i++) sum += Math.abs(path[i] - path[i - 1]);
        return sum;
    }
}
