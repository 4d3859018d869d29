package io.cutroom.vision;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.KeyframeTimes;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.shots.Shot;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples snapped to keyframes are the same pictures as those reached by decoding up to them. */
class FrameSamplerTest {
    @Test
    void aKeyframeReachedBySeekingIsTheSamePictureAsDecodingUpToIt() throws Exception {
        Path clip = TestMedia.file("video/big_buck_bunny_0_30.webm");
        MediaInfo info = new JavaCvProbe().probe(clip);
        double[] keyframes = KeyframeTimes.of(clip);
        assertThat(keyframes).hasSizeGreaterThan(3);
        assertThat(keyframes[0]).isLessThan(0.1);
        for (double k : List.of(keyframes[2], keyframes[keyframes.length - 1])) {
            BufferedImage bySeeking = FrameSampler.sample(clip, info, List.of(k), keyframes).get(0);
            BufferedImage byDecoding = FrameSampler.sample(clip, info, List.of(k), new double[0]).get(0);
            assertThat(meanDifference(bySeeking, byDecoding)).as("picture at keyframe %.3f s", k).isLessThan(0.01); // the same frame, not a neighbour
        }
    }

    @Test
    void onePassOverAClipWithFewKeyframesGivesTheSamePicturesAsSeeking() throws Exception {
        Path clip = TestMedia.file("video/cockatoo.mp4"); // keyframes at 0, 3.8 and 7.25 s
        MediaInfo info = new JavaCvProbe().probe(clip);
        double[] keyframes = KeyframeTimes.of(clip);
        List<Double> times = List.of(1.4, 4.2, 7.0, 9.8, 12.6);
        assertThat(FrameSampler.decodeAfterSeeks(times, keyframes)).isGreaterThan(FrameSampler.ONE_PASS_SHARE * 14);
        List<BufferedImage> onePass = FrameSampler.sample(clip, info, times, keyframes);
        List<BufferedImage> seeking = FrameSampler.sample(clip, info, times, new double[0]);
        for (int i = 0; i < times.size(); i++) {
            assertThat(meanDifference(onePass.get(i), seeking.get(i))).as("picture at %.1f s", times.get(i)).isLessThan(0.01);
        }
    }

    @Test
    void aClipCutShortGivesItsLastReadablePictureForTimesPastTheBreak(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // The soak's truncated copy: its header still says 30 s, its pictures stop after about 1.5 s.
        byte[] whole = java.nio.file.Files.readAllBytes(TestMedia.file("video/big_buck_bunny_0_30.webm"));
        Path cut = dir.resolve("cut short.webm");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(whole, 64_652));
        MediaInfo info = new JavaCvProbe().probe(cut);
        assertThat(info.durationSec()).isGreaterThan(20);

        List<BufferedImage> pictures = FrameSampler.sample(cut, info, List.of(3.0, 9.0, 15.0), new double[0]);
        assertThat(pictures).hasSize(3);
        assertThat(meanDifference(pictures.get(0), pictures.get(2))).as("the same last picture stands in").isLessThan(0.01);
    }

    @Test
    void sampleTimesMoveOntoKeyframesInsideTheirShotOnly() {
        List<Shot> shots = List.of(new Shot(0, 0, 9), new Shot(1, 9, 9.6));
        double[] keyframes = {0, 2, 4, 6, 8, 9.55};
        List<List<Double>> times = ShotTagger.sampleTimes(shots, keyframes);
        assertThat(times.get(0)).containsExactly(2.0, 4.0, 8.0); // 1.5, 4.5 and 7.5 moved; never across the cut
        assertThat(times.get(1)).containsExactly(9.3); // 9.55 is further than a third of this short shot's spacing
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p & 0xff) - (q & 0xff)) + Math.abs((p >> 8 & 0xff) - (q >> 8 & 0xff))
                        + Math.abs((p >> 16 & 0xff) - (q >> 16 & 0xff));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
