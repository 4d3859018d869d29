package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A subject drifting slowly through a window that nearly holds it: the pan moves only as much as it must. */
class CalmestPanTest {
    private static final int N = 50;

    /** Times 0..10 s; a subject drifting right at 0.02 a second whose corridor is 0.15 wide. */
    private static double[][] drift(double room) {
        double[] t = new double[N], aim = new double[N], lo = new double[N], hi = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = i * 10.0 / (N - 1);
            aim[i] = 0.4 + 0.02 * t[i];
            lo[i] = aim[i] - room / 2;
            hi[i] = aim[i] + room / 2;
        }
        return new double[][] {t, aim, lo, hi};
    }

    @Test
    void theWindowPansOnlyByWhatTheCorridorCannotAbsorb() {
        double[][] d = drift(0.15);
        double[] line = AxisPath.fitLine(d[0], d[1]);
        assertThat(line[1]).isCloseTo(0.02, within(1e-9));
        double[] pan = AxisPath.calmestLine(d[0], line, d[2], d[3]);
        // The subject moves 0.2 in the shot; the corridor absorbs 0.15 of it, so the window moves 0.05: 0.005 a second.
        assertThat(pan[1]).isCloseTo(0.005, within(1e-6));
        for (int i = 0; i < N; i++) {
            double at = pan[0] + pan[1] * d[0][i];
            assertThat(at).as("moment %d", i).isBetween(d[2][i] - 1e-6, d[3][i] + 1e-6);
        }
        // In the shot's middle the window is where the subject is.
        assertThat(pan[0] + pan[1] * 5).isCloseTo(line[0] + line[1] * 5, within(1e-6));
    }

    @Test
    void aCorridorNoLineFitsKeepsTheSubjectsOwnLine() {
        double[][] d = drift(0.15);
        d[2][N / 2] += 0.2; // one moment that no straight line can reach within the margin
        double[] line = AxisPath.fitLine(d[0], d[1]);
        assertThat(AxisPath.calmestLine(d[0], line, d[2], d[3])).containsExactly(line);
    }

    @Test
    void aSlowDriftAStillWindowHoldsOnlyAtItsEdgeIsPannedWithTheMargin() {
        // The subject is 0.25 of a 0.3 window (the corridor of centres is 0.05 wide) and drifts 0.04 in 10 s: one still
        // position keeps its boxes inside, touching the window's edge at both ends, but none does with the margin.
        double window = 0.3;
        double[][] d = drift(0.05);
        for (int i = 0; i < N; i++) {
            d[1][i] = 0.4 + 0.004 * d[0][i];
            d[2][i] = d[1][i] - 0.025;
            d[3][i] = d[1][i] + 0.025;
        }
        AxisPath.Result plan = AxisPath.plan(0, 10, d[0], d[1], d[2], d[3], window, MotionStyle.DEFAULT);
        assertThat(plan.mode()).isEqualTo(ShotPlan.Mode.PAN);
        double margin = AxisPath.MARGIN * (window - 0.05);
        double first = plan.points().get(0).pos(), last = plan.points().get(plan.points().size() - 1).pos();
        for (int i = 0; i < N; i++) {
            double at = first + (last - first) * d[0][i] / 10;
            assertThat(at).as("moment %d", i).isBetween(d[2][i] + margin - 1e-6, d[3][i] - margin + 1e-6);
        }
    }

    @Test
    void aStillSubjectWithRoomToSpareKeepsAStillWindow() {
        double[][] d = drift(0.05);
        for (int i = 0; i < N; i++) {
            d[1][i] = 0.4 + (i % 2 == 0 ? 0.003 : -0.003); // a detector's box wobbling around a subject that stays put
            d[2][i] = d[1][i] - 0.025;
            d[3][i] = d[1][i] + 0.025;
        }
        AxisPath.Result plan = AxisPath.plan(0, 10, d[0], d[1], d[2], d[3], 0.3, MotionStyle.DEFAULT);
        assertThat(plan.mode()).isEqualTo(ShotPlan.Mode.STEADY);
    }
}
