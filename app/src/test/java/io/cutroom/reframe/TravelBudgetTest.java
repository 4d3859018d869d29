package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The travel budget on a stop-and-go subject: the eased path is drawn towards the least-moving one until it travels no
 * more than the budget allows, and stays in the corridor at every sample.
 */
class TravelBudgetTest {
    @Test
    void aStopAndGoSubjectsWindowTravelsWithinTheBudgetAndStaysInTheCorridor() {
        int n = 200;
        double[] aim = new double[n], lo = new double[n], hi = new double[n];
        for (int i = 0; i < n; i++) {
            // Still, a quick move right, still, a quick move back: the subject's centre, with a window 0.1 wider.
            double x = i < 50 ? 0.3 : i < 60 ? 0.3 + 0.04 * (i - 50) : i < 140 ? 0.7 : i < 150 ? 0.7 - 0.04 * (i - 140) : 0.3;
            aim[i] = x;
            lo[i] = x - 0.05;
            hi[i] = x + 0.05;
        }
        double[] eased = CorridorPath.solve(aim, lo, hi, 400, 1e-3);
        double least = LeastMotion.travel(LeastMotion.path(lo, hi, eased[0]));
        assertThat(LeastMotion.travel(eased)).as("the eased path alone overshoots the budget").isGreaterThan(AxisPath.TRAVEL_BUDGET * least);

        double[] kept = AxisPath.withinTravelBudget(eased, lo, hi);
        assertThat(LeastMotion.travel(kept)).isLessThanOrEqualTo(AxisPath.TRAVEL_BUDGET * least + 1e-9);
        for (int i = 0; i < n; i++) {
            assertThat(kept[i]).as("sample %d", i).isBetween(lo[i] - 1e-9, hi[i] + 1e-9);
        }
    }
}
