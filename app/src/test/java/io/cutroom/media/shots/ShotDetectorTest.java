package io.cutroom.media.shots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShotDetectorTest {
    private static final double FRAME = 1 / 25.0;

    @TempDir
    Path dir;

    @Test
    void cutsBetweenRealPicturesAreFoundOnTheirFrame() throws Exception {
        // Three shots of 2 s: a pan over one photo, a still of another, a pan over a third.
        Path clip = dir.resolve("three shots.mp4");
        run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y",
                "-loop", "1", "-t", "2", "-i", TestMedia.file("images/sklearn/china.jpg").toString(),
                "-loop", "1", "-t", "2", "-i", TestMedia.file("images/skimage/coffee.png").toString(),
                "-loop", "1", "-t", "2", "-i", TestMedia.file("images/skimage/chelsea.png").toString(),
                "-filter_complex", "[0]crop=320:240:x='t*60':y=80,fps=25,format=yuv420p,setsar=1[a];"
                        + "[1]scale=320:240,fps=25,format=yuv420p,setsar=1[b];"
                        + "[2]crop=320:240:x='t*40':y=20,fps=25,format=yuv420p,setsar=1[c];[a][b][c]concat=n=3:v=1",
                "-c:v", "libx264", "-crf", "18", clip.toString()));
        List<Shot> shots = new ShotDetector().detect(clip, JobContext.NONE);
        assertThat(shots).hasSize(3);
        assertThat(shots.get(1).startSec()).isCloseTo(2.0, within(FRAME));
        assertThat(shots.get(2).startSec()).isCloseTo(4.0, within(FRAME));
        assertThat(shots.get(2).endSec()).isCloseTo(6.0, within(2 * FRAME));
    }

    @Test
    void cutsOnFramesThePassSkipsAreSettledOnTheirFrame() throws Exception {
        // Shots encoded with a fixed I B B B P pattern and B-frames nothing refers to, as an encoder that does not
        // look for scenes makes them: each cut lands on a B-frame that the analysis pass does not decode, at a
        // different place in the pattern. 37-frame shots are each settled from the keyframe; 13-frame shots, closer
        // together, by decoding on from the cut before.
        for (int length : new int[] {37, 13}) {
            Path clip = shotsOnBFrames(length, 4, "keyint=300");
            List<Shot> shots = new ShotDetector().detect(clip, JobContext.NONE);
            assertThat(shots).as("%d-frame shots", length).hasSize(4);
            for (int i = 1; i < 4; i++) {
                assertThat(shots.get(i).startSec()).as("%d-frame shots, cut %d", length, i)
                        .isCloseTo(length * i * FRAME, within(FRAME / 4));
            }
        }
    }

    @Test
    void aCutFarFromAnyKeyframeIsLeftAsFound() throws Exception {
        // One keyframe in 14 s: settling the cut would mean decoding 13 s again, more than the settler allows.
        Path clip = shotsOnBFrames(325, 2, "keyint=1000");
        List<Shot> shots = new ShotDetector().detect(clip, JobContext.NONE);
        assertThat(shots).hasSize(2);
        assertThat(shots.get(1).startSec()).isGreaterThan(325 * FRAME + FRAME / 2).isLessThan(325 * FRAME + 4 * FRAME);
    }

    /** {@code count} shots of {@code length} frames over real photos, each panning, on B-frames nothing refers to. */
    private Path shotsOnBFrames(int length, int count, String keyint) throws Exception {
        Path clip = dir.resolve("cuts on b-frames " + length + ".mp4");
        String[] stills = {"images/sklearn/china.jpg", "images/skimage/coffee.png", "images/skimage/chelsea.png",
                "images/sklearn/flower.jpg"};
        List<String> command = new ArrayList<>(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y"));
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < count; i++) {
            command.addAll(List.of("-loop", "1", "-t", String.valueOf(length / 25.0 + 1), "-i", TestMedia.file(stills[i]).toString()));
            graph.append(String.format("[%d]scale=320:240,setsar=1,crop=240:180:x='20+20*sin(t)':y=20,fps=25,"
                    + "trim=end_frame=%d,setpts=PTS-STARTPTS,format=yuv420p[s%d];", i, length, i));
        }
        for (int i = 0; i < count; i++) graph.append("[s").append(i).append("]");
        graph.append("concat=n=").append(count).append(":v=1");
        command.addAll(List.of("-filter_complex", graph.toString(), "-c:v", "libx264", "-crf", "20",
                "-x264-params", "scenecut=0:" + keyint + ":bframes=3:b-adapt=0:b-pyramid=none", clip.toString()));
        run(command);
        return clip;
    }

    @Test
    void aFastPanAndAJumpingSubjectAreNotCuts() throws Exception {
        Path pan = dir.resolve("pan.mp4");
        run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-loop", "1", "-t", "3",
                "-i", TestMedia.file("images/sklearn/china.jpg").toString(),
                "-vf", "crop=240:180:x='t*120':y=100,fps=25,format=yuv420p", "-c:v", "libx264", pan.toString()));
        assertThat(new ShotDetector().detect(pan, JobContext.NONE)).hasSize(1);
        // The cockatoo clip is one shot with a bird that jerks its head across the frame.
        assertThat(new ShotDetector().detect(TestMedia.file("video/cockatoo.mp4"), JobContext.NONE)).hasSize(1);
    }

    @Test
    void realFootageCutsMatchFfmpegSceneDetection() throws Exception {
        Path bunny = TestMedia.file("video/big_buck_bunny_0_30.webm");
        List<Shot> shots = new ShotDetector().detect(bunny, JobContext.NONE);
        String log = run(List.of(Ffmpeg.ffmpegExecutable(), "-hide_banner", "-i", bunny.toString(),
                "-vf", "scdet=threshold=10", "-an", "-f", "null", "-"));
        List<Double> theirs = new ArrayList<>();
        Matcher m = Pattern.compile("lavfi\\.scd\\.time: ([0-9.]+)").matcher(log);
        while (m.find()) {
            theirs.add(Double.parseDouble(m.group(1)));
        }
        assertThat(theirs).isNotEmpty();
        assertThat(shots).hasSize(theirs.size() + 1);
        for (int i = 0; i < theirs.size(); i++) {
            assertThat(shots.get(i + 1).startSec()).isCloseTo(theirs.get(i), within(1 / 24.0));
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        return log;
    }
}
