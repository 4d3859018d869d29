package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.media.GreyFrame;
import io.cutroom.vision.Detection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Frame-to-frame motion: boxed where the subject is, reaching the border where it comes in. */
class MotionFinderTest {
    private static final int W = 192, H = 108;

    /**
     * Grey, with a striped block (stripes 6 pixels wide, moving with it) from {@code x} to {@code x + w},
     * clipped to the frame, rows 30 to 70: like a real subject, all of it changes as it moves.
     */
    private static GreyFrame frame(double t, int x, int w) {
        byte[] pixels = new byte[W * H];
        java.util.Arrays.fill(pixels, (byte) 60);
        for (int y = 30; y < 70; y++) {
            for (int c = Math.max(0, x); c < Math.min(W, x + w); c++) {
                pixels[y * W + c] = (byte) ((c - x) / 6 % 2 == 0 ? 230 : 120);
            }
        }
        return new GreyFrame(t, W, H, pixels, false);
    }

    @Test
    void aBlockMovingInTheMiddleIsBoxedAroundWhereItWasAndIs() {
        MotionFinder motion = new MotionFinder();
        motion.next(frame(0, 60, 30));
        Detection box = motion.next(frame(0.04, 66, 30)).orElseThrow();
        assertThat((double) box.x() * W).isCloseTo(60, within(6.0));
        assertThat((double) (box.x() + box.width()) * W).isCloseTo(96, within(6.0));
    }

    @Test
    void motionEndingWithinAFewPixelsOfTheBorderIsBoxedToTheBorder() {
        // Moving pixels up to x = 184 of 192: short of the border, near enough that the subject is partly outside.
        MotionFinder motion = new MotionFinder();
        motion.next(frame(0, 166, 12));
        Optional<Detection> box = motion.next(frame(0.04, 172, 12));
        assertThat(box).isPresent();
        assertThat((double) (box.get().x() + box.get().width())).isCloseTo(1.0, within(1e-6));
    }
}
