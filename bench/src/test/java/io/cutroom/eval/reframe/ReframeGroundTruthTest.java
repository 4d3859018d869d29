package io.cutroom.eval.reframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.Reframer;
import io.cutroom.reframe.ShotPlan;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.VisionModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reframing a generated clip whose subject's path is known: the astronaut photo stands still over a Big Buck
 * Bunny shot, pans across china.jpg, and stands still over coffee.png, with a hard cut between each.
 */
class ReframeGroundTruthTest {
    @TempDir
    Path dir;

    @Test
    void theSubjectStaysInTheWindowWhichHoldsStillInSteadyShotsAndJumpsAtCuts() throws Exception {
        GroundTruthClip clip = GroundTruthClip.make(dir.resolve("truth.mp4"), TestMedia.file("images/skimage/astronaut.png"),
                300, 0.3, List.of(
                        new GroundTruthClip.Segment(TestMedia.file("video/big_buck_bunny_0_30.webm"), 0.5, 3, 0.1, 0.1),
                        new GroundTruthClip.Segment(TestMedia.file("images/sklearn/china.jpg"), 0, 4, 0.45, 0.7),
                        new GroundTruthClip.Segment(TestMedia.file("images/skimage/coffee.png"), 0, 3, 0.2, 0.2)));
        MediaInfo info = new JavaCvProbe().probe(clip.file());
        List<Shot> shots = new ShotDetector().detect(clip.file(), JobContext.NONE);
        assertThat(shots).hasSize(3);
        assertThat(shots.get(1).startSec()).isCloseTo(3.0, within(0.05));
        assertThat(shots.get(2).startSec()).isCloseTo(7.0, within(0.05));

        Reframer.Result result = new Reframer(new VisionModels(ModelFiles.open(Path.of("..", "models"))))
                .reframe(clip.file(), info, shots, AspectRatio.VERTICAL, MotionStyle.DEFAULT, SignalWeights.DEFAULT, JobContext.NONE);
        CropTrack track = result.plan().track();
        assertThat(ReframeMetrics.measure(track, clip).insideRate()).isGreaterThanOrEqualTo(0.95);

        assertThat(result.plan().shots()).extracting(ShotPlan::mode)
                .containsExactly(ShotPlan.Mode.STEADY, ShotPlan.Mode.PAN, ShotPlan.Mode.STEADY);
        for (double[] steady : new double[][] {{0, 2.99}, {7.0, 9.99}}) {
            double x = track.windowAt(steady[0]).x();
            for (double t = steady[0]; t <= steady[1]; t += 0.04) {
                assertThat(track.windowAt(t).x()).as("window at %.2f s", t).isEqualTo(x);
            }
        }
        for (double cut : clip.cuts()) {
            double before = track.windowAt(cut - 0.02).x();
            double after = track.windowAt(cut + 0.02).x();
            assertThat(Math.abs(after - before)).as("jump at the cut at %.1f s", cut).isGreaterThan(0.2);
        }
        assertThat(ReframeMetrics.measure(Baselines.centre(info.displayWidth(), info.displayHeight(), AspectRatio.VERTICAL), clip)
                .insideRate()).isLessThan(0.5); // the clip needs reframing at all
    }
}
