package io.cutroom.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.media.render.Grade;
import io.cutroom.media.shots.Shot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shot match moves each shot's brightness to the reference's, but leaves black and white shots as they are. */
class ShotMatchTest {
    private static ShotColor shot(int index, double logAverage, double low, double high) {
        return new ShotColor(new Shot(index, index * 2.0, index * 2.0 + 2), WhiteBalance.NONE,
                new Exposure(0, 1, logAverage, low, high), 3);
    }

    @Test
    void aDarkShotIsBroughtUpButAFadeAndAFlashAreNot() {
        ShotMatch.Look reference = ShotMatch.Look.of(List.of(shot(0, 0.18, 0.01, 0.8)));
        List<ShotColor> clip = List.of(
                shot(0, 0.045, 0.002, 0.3),     // two stops under the reference
                shot(1, 1e-4, 0, 0.0005),       // a fade to black
                shot(2, 1.0, 0.98, 1.0));       // a white flash
        Grade matched = ShotMatch.toGrade(Grade.NEUTRAL, clip, reference);

        assertThat(matched.shots().get(0).exposure()).isEqualTo(2.0);
        assertThat(matched.shots().get(1).exposure()).isEqualTo(0.0);
        assertThat(matched.shots().get(2).exposure()).isEqualTo(0.0);
    }
}
