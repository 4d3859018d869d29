package io.cutroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rotated clip's grey copies are turned upright, as its pictures are. */
class GreyFrameTest {
    /** 3 wide, 2 high: a b c / d e f. */
    private static final byte[] FRAME = {1, 2, 3, 4, 5, 6};

    @Test
    void eachRotationTurnsThePixelsAsTheClipIsShown() {
        assertThat(GreyFrame.upright(0, 3, 2, FRAME, false, 0).pixels()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(GreyFrame.upright(0, 3, 2, FRAME, false, 180).pixels()).containsExactly(6, 5, 4, 3, 2, 1);
        GreyFrame quarter = GreyFrame.upright(0, 3, 2, FRAME, false, 90);
        assertThat(quarter.width()).isEqualTo(2);
        assertThat(quarter.height()).isEqualTo(3);
        assertThat(quarter.pixels()).containsExactly(4, 1, 5, 2, 6, 3);
        assertThat(GreyFrame.upright(0, 3, 2, FRAME, false, 270).pixels()).containsExactly(3, 6, 2, 5, 1, 4);
    }
}
