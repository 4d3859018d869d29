package io.cutroom.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.KeyframeTimes;
import io.cutroom.media.MediaInfo;
import io.cutroom.vision.FrameSampler;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Auto colour skips decoding frames nothing refers to; the pictures it gets instead measure the same. */
class StatisticsDecodeTest {
    private final WhiteBalanceEstimator balance = new WhiteBalanceEstimator();
    private final ExposureEstimator exposure = new ExposureEstimator();

    @Test
    void skippingFramesNothingRefersToMeasuresTheSameLightAndBrightness(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path withBFrames = TestMedia.encodeWithBFrames(TestMedia.file("video/big_buck_bunny_0_30.webm"),
                dir.resolve("bunny with b-frames.mp4"), 10);
        for (Path clip : List.of(withBFrames, TestMedia.file("video/cockatoo.mp4"), TestMedia.file("video/chaplin.mp4"))) {
            String name = clip.getFileName().toString();
            MediaInfo info = new JavaCvProbe().probe(clip);
            double[] keyframes = KeyframeTimes.of(clip);
            List<Double> times = List.of(2.1, 4.1, 6.7, 8.9); // the title's fade-in before 2 s changes every frame
            List<BufferedImage> exact = FrameSampler.sample(clip, info, times, keyframes);
            List<BufferedImage> cheap = FrameSampler.sampleForStatistics(clip, info, times, keyframes);
            if (clip.equals(withBFrames)) {
                long moved = java.util.stream.IntStream.range(0, times.size())
                        .filter(i -> !samePixels(exact.get(i), cheap.get(i))).count();
                assertThat(moved).as("pictures that moved to a later frame").isPositive();
            }
            for (int i = 0; i < times.size(); i++) {
                LinearImage a = LinearImage.of(exact.get(i));
                LinearImage b = LinearImage.of(cheap.get(i));
                String at = name + " at " + times.get(i) + " s";
                assertThat(balance.estimate(a).estimate().angleTo(balance.estimate(b).estimate())).as(at + ": degrees apart").isLessThan(1.0);
                assertThat(Math.log(exposure.estimate(b).logAverage() / exposure.estimate(a).logAverage()) / Math.log(2))
                        .as(at + ": brightness apart, EV").isBetween(-0.1, 0.1);
            }
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
