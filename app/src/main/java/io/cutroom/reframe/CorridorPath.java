package io.cutroom.reframe;

/**
 * The smoothest window path along one axis that keeps the subjects in: at every sample the centre stays in
 * its corridor ({@code lo} to {@code hi}, the centres that hold every kept subject), and within that the path
 * moves as little and accelerates as gently as it can, drawn weakly towards where the subjects' centre is.
 * Because the whole shot is known, the path starts moving before a fast subject reaches the window's edge
 * and slows before it turns, as an operator who has seen the take would; a subject that stays in one
 * window leaves it still, and a fast one gets a path as fast as it forces and no faster.
 * <p>
 * It minimises, over the samples, {@code Σ Δx² + smoothness·Σ Δ²x² + pull·Σ (x − aim)²} within the corridor,
 * by the alternating direction method of multipliers: a banded linear solve for the smooth part, a clamp
 * into the corridor for the constraint.
 */
final class CorridorPath {
    private static final int MOST_ITERATIONS = 4000;
    /** A hundredth of a pixel at 1920: nothing finer shows. */
    private static final double TOLERANCE = 5e-6;

    private CorridorPath() {
    }

    /**
     * @param smoothness weight of the squared second differences against the squared first differences, in
     *                   samples squared (the time over which the path eases in and out, in samples, squared)
     * @param pull       weight towards the aim, per sample
     */
    static double[] solve(double[] aim, double[] lo, double[] hi, double smoothness, double pull) {
        int n = aim.length;
        double[] z = new double[n];
        if (n == 0) return z;
        if (n <= 2) {
            for (int i = 0; i < n; i++) z[i] = Aim.clamp(aim[i], lo[i], hi[i]);
            return z;
        }
        double rho = Math.max(1e-3, Math.sqrt(pull * (4 + 16 * smoothness)));
        Banded system = Banded.factor(n, smoothness, pull + rho);
        double[] u = new double[n], x = new double[n], rhs = new double[n];
        double[] start = LeastMotion.path(lo, hi, aim[n / 2]);
        System.arraycopy(start, 0, z, 0, n);
        for (int iteration = 0; iteration < MOST_ITERATIONS; iteration++) {
            for (int i = 0; i < n; i++) rhs[i] = pull * aim[i] + rho * (z[i] - u[i]);
            system.solve(rhs, x);
            double primal = 0, dual = 0;
            for (int i = 0; i < n; i++) {
                double next = Aim.clamp(x[i] + u[i], lo[i], hi[i]);
                dual += Math.pow(rho * (next - z[i]), 2);
                z[i] = next;
                u[i] += x[i] - z[i];
                primal += Math.pow(x[i] - z[i], 2);
            }
            primal = Math.sqrt(primal / n);
            dual = Math.sqrt(dual / n);
            if (primal < TOLERANCE && dual < TOLERANCE) break;
            // Residual balancing: the step that converges fastest keeps the two residuals alike.
            if (iteration % 10 == 9 && (primal > 10 * dual || dual > 10 * primal)) {
                double scale = primal > dual ? 2 : 0.5;
                rho *= scale;
                for (int i = 0; i < n; i++) u[i] /= scale;
                system = Banded.factor(n, smoothness, pull + rho);
            }
        }
        return z;
    }

    /**
     * The matrix {@code D1ᵀD1 + smoothness·D2ᵀD2 + diagonal·I} (first and second differences), five bands
     * wide, factored once as L·D·Lᵀ so that each iteration's solve is linear in the samples.
     */
    private record Banded(int n, double[] d, double[] l1, double[] l2) {
        static Banded factor(int n, double smoothness, double diagonal) {
            double[] a0 = new double[n], a1 = new double[n], a2 = new double[n];
            for (int i = 0; i + 1 < n; i++) { // first differences: (x[i+1] - x[i])²
                a0[i] += 1;
                a0[i + 1] += 1;
                a1[i] -= 1;
            }
            for (int i = 1; i + 1 < n; i++) { // second differences: (x[i-1] - 2x[i] + x[i+1])²
                a0[i - 1] += smoothness;
                a0[i] += 4 * smoothness;
                a0[i + 1] += smoothness;
                a1[i - 1] -= 2 * smoothness;
                a1[i] -= 2 * smoothness;
                a2[i - 1] += smoothness;
            }
            for (int i = 0; i < n; i++) a0[i] += diagonal;
            // a1[i] couples i and i+1, a2[i] couples i and i+2.
            double[] d = new double[n], l1 = new double[n], l2 = new double[n];
            for (int i = 0; i < n; i++) {
                double di = a0[i];
                if (i >= 1) di -= l1[i - 1] * l1[i - 1] * d[i - 1];
                if (i >= 2) di -= l2[i - 2] * l2[i - 2] * d[i - 2];
                d[i] = di;
                if (i + 1 < n) {
                    double v = a1[i];
                    if (i >= 1) v -= l2[i - 1] * l1[i - 1] * d[i - 1];
                    l1[i] = v / di;
                }
                if (i + 2 < n) l2[i] = a2[i] / di;
            }
            return new Banded(n, d, l1, l2);
        }

        /** Solves the system for {@code b} into {@code x}. */
        void solve(double[] b, double[] x) {
            for (int i = 0; i < n; i++) {
                double v = b[i];
                if (i >= 1) v -= l1[i - 1] * x[i - 1];
                if (i >= 2) v -= l2[i - 2] * x[i - 2];
                x[i] = v;
            }
            for (int i = 0; i < n; i++) x[i] /= d[i];
            for (int i = n - 1; i >= 0; i--) {
                double v = x[i];
                if (i + 1 < n) v -= l1[i] * x[i + 1];
                if (i + 2 < n) v -= l2[i] * x[i + 2];
                x[i] = v;
            }
        }
    }
}
