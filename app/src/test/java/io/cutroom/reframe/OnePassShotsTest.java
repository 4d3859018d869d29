package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.VisionModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reframing a clip whose shots are not known finds them in its own decoding pass; the cuts must be the ones
 * the shot detector's pass finds, and the analysed moments the same as with the shots given.
 */
class OnePassShotsTest {
    @Test
    void theAnalysisPassFindsTheShotDetectorsCuts() throws Exception {
        Path bunny = TestMedia.file("video/big_buck_bunny_0_30.webm");
        MediaInfo info = new JavaCvProbe().probe(bunny);
        List<Shot> detected = new ShotDetector().detect(bunny, JobContext.NONE);
        SignalAnalyzer analyzer = new SignalAnalyzer(new VisionModels(ModelFiles.open(Path.of("..", "models"))),
                SignalWeights.DEFAULT);
        SignalAnalyzer.Analysis together = analyzer.analyse(bunny, info, null, JobContext.NONE);
        SignalAnalyzer.Analysis alone = analyzer.analyse(bunny, info, detected, JobContext.NONE);

        assertThat(detected).hasSizeGreaterThan(2);
        assertThat(together.shots()).hasSameSizeAs(detected);
        for (int i = 0; i < detected.size(); i++) {
            assertThat(together.shots().get(i).startSec()).isCloseTo(detected.get(i).startSec(), within(1 / 24.0));
            assertThat(together.shots().get(i).endSec()).isCloseTo(detected.get(i).endSec(), within(1 / 24.0));
        }
        assertThat(alone.shots()).isNull();
        assertThat(together.signals()).hasSameSizeAs(alone.signals());
        for (int i = 0; i < alone.signals().size(); i++) {
            assertThat(together.signals().get(i).t()).isEqualTo(alone.signals().get(i).t());
        }
    }
}
