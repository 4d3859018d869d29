package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The smoothest path within a corridor: it never leaves it, moves no more than it must, and eases its turns. */
class CorridorPathTest {
    private static final int FPS = 25;
    private static final double HALF_SLACK = 0.04; // the window is 0.08 of the frame wider than the subject

    /** A subject swinging 0.6 of the frame every 2 s, as the corridor of window centres that hold it. */
    private static double[][] swing(int n) {
        double[] aim = new double[n], lo = new double[n], hi = new double[n];
        for (int i = 0; i < n; i++) {
            aim[i] = 0.5 + 0.3 * Math.sin(2 * Math.PI * i / (2.0 * FPS));
            lo[i] = aim[i] - HALF_SLACK;
            hi[i] = aim[i] + HALF_SLACK;
        }
        return new double[][] {aim, lo, hi};
    }

    @Test
    void aFastSubjectIsKeptInsideAtEveryFrameWithNoMoreTravelThanItForces() {
        double[][] c = swing(6 * FPS);
        double[] path = CorridorPath.solve(c[0], c[1], c[2], 100, 1e-3);
        for (int i = 0; i < path.length; i++) {
            assertThat(path[i]).as("frame %d", i).isBetween(c[1][i] - 1e-6, c[2][i] + 1e-6);
        }
        double least = LeastMotion.travel(LeastMotion.path(c[1], c[2], 0.5));
        assertThat(LeastMotion.travel(path)).isLessThanOrEqualTo(1.3 * least);
    }

    @Test
    void itIsSmootherThanFollowingTheSubjectFrameByFrame() {
        double[][] c = swing(6 * FPS);
        double[] jittery = c[0].clone();
        for (int i = 0; i < jittery.length; i++) jittery[i] += (i % 2 == 0 ? 1 : -1) * 0.01; // a detector's noise
        double[] path = CorridorPath.solve(jittery, c[1], c[2], 100, 1e-3);
        assertThat(acceleration(path)).isLessThan(acceleration(jittery) / 5);
    }

    @Test
    void aCorridorThatAdmitsOnePlaceForTheWholeShotGivesAStillPath() {
        int n = 4 * FPS;
        double[] aim = new double[n], lo = new double[n], hi = new double[n];
        for (int i = 0; i < n; i++) {
            aim[i] = 0.5 + 0.01 * Math.sin(i * 0.7);
            lo[i] = 0.45 + 0.02 * Math.sin(i * 0.3);
            hi[i] = 0.55 + 0.02 * Math.sin(i * 0.5);
        }
        double[] path = CorridorPath.solve(aim, lo, hi, 100, 1e-3);
        for (double p : path) assertThat(p).isCloseTo(path[0], within(2e-3));
    }

    @Test
    void withRoomToSpareItSettlesOnTheSubject() {
        int n = 8 * FPS;
        double[] aim = new double[n], lo = new double[n], hi = new double[n];
        for (int i = 0; i < n; i++) {
            aim[i] = 0.6;
            lo[i] = i < FPS ? 0.2 : 0.3; // forced low at first, then free
            hi[i] = i < FPS ? 0.3 : 0.7;
        }
        double[] path = CorridorPath.solve(aim, lo, hi, 100, Math.pow(1.0 / FPS, 2));
        assertThat(path[FPS - 1]).isLessThanOrEqualTo(0.3 + 1e-6);
        assertThat(path[n - 1]).isCloseTo(0.6, within(0.02));
    }

    private static double acceleration(double[] path) {
        double sum = 0;
        for (int i = 1; i + 1 < path.length; i++) sum += Math.abs(path[i + 1] - 2 * path[i] + path[i - 1]);
        return sum;
    }
}
