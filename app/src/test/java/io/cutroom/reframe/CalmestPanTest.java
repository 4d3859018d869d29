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
}
