package io.cutroom.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.shots.CutFinder;
import io.cutroom.media.shots.Shot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysis passes read a clip in its own pixel format (here 4:2:2 10-bit, as cameras and ProRes carry it)
 * and must see what they see in the same clip as 4:2:0 8-bit: the same cuts and the same pictures.
 */
class DecodedFormatsTest {
    @TempDir
    Path dir;

    record Pass(List<Shot> shots, List<BufferedImage> pictures) {
    }

    @Test
    void aTenBit422ClipIsAnalysedDirectlyAndReadsAsIts420Copy() throws Exception {
        Path bunny = TestMedia.file("video/big_buck_bunny_0_30.webm");
        Path tenBit = TestMedia.encode(bunny, dir.resolve("422-10bit.mp4"), 12, "yuv422p10le");
        Path eightBit = TestMedia.encode(bunny, dir.resolve("420.mp4"), 12, "yuv420p");
        MediaInfo tenBitInfo = new JavaCvProbe().probe(tenBit);
        assertThat(tenBitInfo.pixelFormat()).isEqualTo("yuv422p10le");
        assertThat(AnalysisDecoder.passThroughFormat(tenBitInfo)).as("decoded pictures come through untouched")
                .isEqualTo(avutil.AV_PIX_FMT_YUV422P10LE);

        Pass direct = pass(tenBit, tenBitInfo);
        Pass reference = pass(eightBit, new JavaCvProbe().probe(eightBit));

        assertThat(reference.shots()).hasSizeGreaterThan(1);
        assertThat(direct.shots()).hasSameSizeAs(reference.shots());
        for (int i = 0; i < reference.shots().size(); i++) {
            assertThat(direct.shots().get(i).startSec()).isCloseTo(reference.shots().get(i).startSec(), within(1 / 24.0));
        }
        assertThat(direct.pictures()).hasSameSizeAs(reference.pictures());
        double worst = 0;
        for (int i = 0; i < reference.pictures().size(); i++) {
            double difference = meanDifference(direct.pictures().get(i), reference.pictures().get(i));
            worst = Math.max(worst, difference);
            assertThat(difference).as("mean difference of picture %d, in 8-bit levels", i).isLessThan(3.0);
        }
        System.out.printf("4:2:2 10-bit against 4:2:0: %d shots each, %d pictures, worst mean difference %.2f levels%n",
                direct.shots().size(), direct.pictures().size(), worst);
    }

    private static Pass pass(Path clip, MediaInfo info) throws Exception {
        CutFinder cuts = new CutFinder();
        List<BufferedImage> pictures = new ArrayList<>();
        try (AnalysisDecoder decoder = new AnalysisDecoder(clip, info, 480, AnalysisDecoder.evenHeight(info, 480), 3,
                cuts, false, "Test pass")) {
            List<AnalysisDecoder.Moment> group;
            while (!(group = decoder.next(24, JobContext.NONE)).isEmpty()) {
                group.forEach(m -> pictures.add(m.picture()));
            }
            return new Pass(cuts.shots(decoder.end()), pictures);
        }
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        byte[] x = ((DataBufferByte) a.getRaster().getDataBuffer()).getData();
        byte[] y = ((DataBufferByte) b.getRaster().getDataBuffer()).getData();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        }
        return sum / x.length;
    }
}
