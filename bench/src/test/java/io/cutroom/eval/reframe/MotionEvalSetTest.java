package io.cutroom.eval.reframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.Fill;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.Reframer;
import io.cutroom.reframe.SignalAnalyzer;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.reframe.Widening;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.VisionModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One clip of the evaluation by kind of motion (seed 1, a development clip), as {@code eval reframe} makes
 * and measures it: every kind once, with cuts between. The same seed makes the same clip; the subject stays
 * inside where a 9:16 window can hold it, the still shot does not move, the moving window is no busier than
 * the subject forces, and widening holds at least as many of the frames with a subject as not widening does.
 */
class MotionEvalSetTest {
    @TempDir
    Path dir;

    @Test
    void aSeededClipIsFramedAsTheTargetsAsk() throws Exception {
        MotionEvalSet set = MotionEvalSet.from(Path.of("..", "assets", "eval", "reframe").toAbsolutePath());
        MotionClip clip = set.make(dir, 1, 1).get(0);
        MotionClip again = set.make(Files.createDirectory(dir.resolve("again")), 1, 1).get(0);
        assertThat(again.cuts()).isEqualTo(clip.cuts());
        assertThat(again.frames().get(40).boxes()).usingRecursiveComparison().isEqualTo(clip.frames().get(40).boxes());
        assertThat(clip.shots()).extracting(MotionShot::kind).containsExactlyInAnyOrder(MotionKind.values());

        MediaInfo info = new JavaCvProbe().probe(clip.file());
        SignalAnalyzer.Analysis analysis = new SignalAnalyzer(new VisionModels(ModelFiles.open(Path.of("..", "models"))),
                SignalWeights.DEFAULT).analyse(clip.file(), info, null, JobContext.NONE);
        assertThat(analysis.shots()).hasSize(clip.shots().size());
        KindMetrics plain = new KindMetrics();
        plain.add(plan(info, analysis, Widening.NONE), clip, AspectRatio.VERTICAL);
        KindMetrics widened = new KindMetrics();
        widened.add(plan(info, analysis, new Widening(Double.POSITIVE_INFINITY, Fill.BLUR)), clip, AspectRatio.VERTICAL);

        assertThat(plain.all().insideRate()).isGreaterThanOrEqualTo(0.9);
        KindMetrics.Tally still = plain.byKind().get(MotionKind.STILL);
        assertThat(still.stillMoved()).isZero();
        assertThat(still.mostStillMovePx()).isZero();
        for (MotionKind moving : List.of(MotionKind.SWEEP, MotionKind.OSCILLATION)) {
            KindMetrics.Tally t = plain.byKind().get(moving);
            assertThat(t.meanSpeed() / t.leastSpeed()).as(moving.label()).isLessThanOrEqualTo(1.3);
        }
        // Widening never loses a subject the plain plan held (CameraPlannerTest shows it holding two far apart).
        assertThat(widened.all().insideWidenedRate()).isGreaterThanOrEqualTo(plain.all().insideWidenedRate());
    }

    private static io.cutroom.media.render.CropTrack plan(MediaInfo info, SignalAnalyzer.Analysis analysis, Widening widening) {
        return Reframer.plan(info, analysis.shots(), AspectRatio.VERTICAL, MotionStyle.DEFAULT, SignalWeights.DEFAULT,
                List.of(), List.of(), analysis.signals(), widening).plan().track();
    }
}
