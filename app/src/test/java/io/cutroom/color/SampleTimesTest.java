package io.cutroom.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.media.shots.Shot;
import org.junit.jupiter.api.Test;

/** Auto colour measures frames spread over each shot, and takes a keyframe instead where one is near. */
class SampleTimesTest {
    @Test
    void aKeyframeInTheMiddleOfASharesPlaceIsTakenButNeverOneAtTheCuts() {
        Shot shot = new Shot(0, 10, 20);
        double[] keyframes = {10.0, 12.6, 15.2, 19.9, 20.0};
        assertThat(AutoColor.sampleTimes(shot, keyframes)).containsExactly(11.0, 12.6, 15.2, 17.0, 19.0);
        assertThat(AutoColor.sampleTimes(shot, new double[0])).containsExactly(11.0, 13.0, 15.0, 17.0, 19.0);
    }

    @Test
    void withAKeyframeEveryFrameTheMiddlesStay() {
        Shot shot = new Shot(0, 0, 2);
        double[] everyFrame = new double[50];
        for (int i = 0; i < everyFrame.length; i++) {
            everyFrame[i] = i * 0.04;
        }
        assertThat(AutoColor.sampleTimes(shot, everyFrame)).hasSize(4).allSatisfy(t -> assertThat(t).isBetween(0.0, 2.0));
        assertThat(AutoColor.sampleTimes(shot, everyFrame).get(0)).isCloseTo(0.24, org.assertj.core.api.Assertions.within(0.021));
    }
}
