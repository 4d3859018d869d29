package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.media.GreyFrame;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tracker follows a textured patch across frames of a textured background, and lets go when it is gone. */
class BoxTrackerTest {
    private static final int W = 192, H = 108;
    private static final int SIDE = 30;

    /** Random noise blurred over a few pixels: detail like a real picture's, and nowhere repeating. */
    private static byte[] texture(long seed, int w, int h) {
        Random random = new Random(seed);
        int[] noise = new int[w * h];
        for (int i = 0; i < noise.length; i++) noise[i] = random.nextInt(256);
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0, count = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int sx = x + dx, sy = y + dy;
                        if (sx >= 0 && sx < w && sy >= 0 && sy < h) {
                            sum += noise[sy * w + sx];
                            count++;
                        }
                    }
                }
                out[y * w + x] = (byte) (sum / count);
            }
        }
        return out;
    }

    /** The background with the patch's top-left corner at (px, py), in whole pixels. */
    private static GreyFrame frame(double t, int px, int py, byte[] patch) {
        byte[] pixels = texture(1, W, H);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int fx = px + x, fy = py + y;
                if (fx >= 0 && fx < W && fy >= 0 && fy < H) pixels[fy * W + fx] = patch[y * SIDE + x];
            }
        }
        return new GreyFrame(t, W, H, pixels, false);
    }

    @Test
    void aMovingPatchIsFollowedWithinAPixelEvenAsItTurns() {
        byte[] patch = texture(7, SIDE, SIDE);
        Subject seen = new Subject(Subject.Kind.ANIMAL, 20.0 / W, 40.0 / H, SIDE / (double) W, SIDE / (double) H, 0.5);
        BoxTracker tracker = BoxTracker.start(seen, frame(0, 20, 40, patch));
        for (int k = 1; k <= 30; k++) {
            int x = (int) Math.round(20 + 120 * Math.sin(Math.PI * k / 30)); // out and back, up to 13 px a frame
            int y = 40 + (k % 3);
            tracker.advance(frame(k / 12.5, x, y, patch));
            Subject now = tracker.moved(seen);
            assertThat(now.x() * W).as("x at frame %d", k).isCloseTo(x, within(1.0));
            assertThat(now.y() * H).as("y at frame %d", k).isCloseTo(y, within(1.0));
            assertThat(tracker.quality()).isGreaterThan(0.8);
        }
    }

    @Test
    void aSubjectThatIsNoLongerThereLosesItsQuality() {
        byte[] patch = texture(7, SIDE, SIDE);
        Subject seen = new Subject(Subject.Kind.ANIMAL, 80.0 / W, 40.0 / H, SIDE / (double) W, SIDE / (double) H, 0.5);
        BoxTracker tracker = BoxTracker.start(seen, frame(0, 80, 40, patch));
        byte[] flat = new byte[W * H];
        java.util.Arrays.fill(flat, (byte) 250);
        tracker.advance(new GreyFrame(0.08, W, H, flat, false));
        assertThat(tracker.quality()).isLessThan(SignalAnalyzer.LOST_QUALITY);
    }
}
