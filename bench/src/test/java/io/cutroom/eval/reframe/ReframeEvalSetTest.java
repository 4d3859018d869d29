package io.cutroom.eval.reframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.Reframer;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.VisionModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole generated evaluation set (steady/pan, zigzag, drift with a cut, fast sweep), as
 * {@code cutroom eval reframe} runs it: the subject stays inside the 9:16 window in 95% of all frames,
 * and the path is calmer than a per-frame saliency crop.
 */
class ReframeEvalSetTest {
    @TempDir
    Path dir;

    @Test
    void theSubjectStaysInsideIn95PercentOfFramesOverTheWholeSet() throws Exception {
        Map<String, GroundTruthClip> clips = EvalSet.make(Path.of("..", "assets", "demo").toAbsolutePath(), dir);
        Reframer reframer = new Reframer(new VisionModels(ModelFiles.open(Path.of("..", "models"))));
        List<ReframeMetrics> cutroom = new ArrayList<>();
        List<ReframeMetrics> saliency = new ArrayList<>();
        for (GroundTruthClip clip : clips.values()) {
            MediaInfo info = new JavaCvProbe().probe(clip.file());
            Reframer.Result result = reframer.reframe(clip.file(), info, null,
                    AspectRatio.VERTICAL, MotionStyle.DEFAULT, SignalWeights.DEFAULT, JobContext.NONE);
            cutroom.add(ReframeMetrics.measure(result.plan().track(), clip));
            saliency.add(ReframeMetrics.measure(Baselines.perFrameSaliency(info.displayWidth(), info.displayHeight(),
                    AspectRatio.VERTICAL, result.signals()), clip));
        }
        ReframeMetrics overall = ReframeMetrics.mean(cutroom);
        assertThat(overall.insideRate()).isGreaterThanOrEqualTo(0.95);
        assertThat(cutroom).allSatisfy(m -> assertThat(m.insideRate()).isGreaterThanOrEqualTo(0.88));
        assertThat(overall.meanAcceleration()).isLessThan(ReframeMetrics.mean(saliency).meanAcceleration() / 2);
    }
}
