package io.cutroom.ui.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.media.render.Grade;
import io.cutroom.media.render.ShotCorrection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The colour panel says why auto colour left a clip's white balance alone. */
class GradeSummaryTest {
    private static final Grade UNTOUCHED = Grade.NEUTRAL.withShots(List.of(
            new ShotCorrection(0, 4, List.of(1.0, 1.0, 1.0), 0), new ShotCorrection(4, 9, List.of(1.0, 1.0, 1.0), 0)));

    @Test
    void saysWhetherTheClipWasNeutralAlreadyOrItsColourLookedLikeTheScenes() {
        String neutral = "[{\"castDeg\":0.6,\"confidence\":1.0},{\"castDeg\":0.9,\"confidence\":0.8}]";
        assertThat(GradeSummary.of(UNTOUCHED, "auto", neutral))
                .isEqualTo("Auto colour on 2 shots: white balance left as it was (already within 1° of neutral),"
                        + " exposure left as it was. Renders use this grade.");

        String doubted = "[{\"castDeg\":0.6,\"confidence\":1.0},{\"castDeg\":18.6,\"confidence\":0.0}]";
        assertThat(GradeSummary.of(UNTOUCHED, "auto", doubted))
                .contains("left as it was (its colour looked like the scene's own, not the light's)");

        String noGreyAgreed = "[{\"castDeg\":6.2,\"confidence\":0.9}]";
        assertThat(GradeSummary.of(UNTOUCHED, "auto", noGreyAgreed))
                .contains("left as it was (its greys and whites were already neutral, or it had none to go by)");
        assertThat(GradeSummary.of(UNTOUCHED, "auto", "not json")).contains("white balance left as it was,");

        String reliabilityDropped = "[{\"castDeg\":2.1,\"confidence\":0.9,\"reliability\":0.0},{\"castDeg\":0.4,\"confidence\":1.0,\"reliability\":1.0}]";
        assertThat(GradeSummary.of(UNTOUCHED, "auto", reliabilityDropped))
                .contains("left as it was (a correction like this one harms a balanced picture more often than it helps)");
        String reliabilityKept = "[{\"castDeg\":6.2,\"confidence\":0.9,\"reliability\":1.0}]";
        assertThat(GradeSummary.of(UNTOUCHED, "auto", reliabilityKept)).contains("or it had none to go by)");
    }

    @Test
    void aMovedBalanceAndExposureAreGivenAsRanges() {
        Grade moved = Grade.NEUTRAL.withShots(List.of(
                new ShotCorrection(0, 4, List.of(0.9, 1.0, 1.2), -0.2), new ShotCorrection(4, 9, List.of(1.0, 1.0, 1.0), 0.5)));
        assertThat(GradeSummary.of(moved, "auto", null)).startsWith("Auto colour on 2 shots: white balance moved by up to ")
                .contains("exposure -0.20 to +0.50 EV");
        assertThat(GradeSummary.of(Grade.NEUTRAL, null, null)).startsWith("Not graded yet.");

        assertThat(GradeSummary.of(moved, "match", null, "cup.mp4")).startsWith("Matched to cup.mp4, 2 shots: white balance moved");
        assertThat(GradeSummary.of(moved, "match", null, null)).startsWith("Matched to a reference, 2 shots:");

        Grade still = Grade.NEUTRAL.withShots(List.of(new ShotCorrection(0, 0, List.of(1.0, 1.0, 1.0), 0)));
        assertThat(GradeSummary.of(still, "auto", null)).startsWith("Auto colour on the picture: white balance left as it was");
    }
}
