package io.cutroom.bench;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.RenderPipeline;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.render.RenderResult;
import io.cutroom.reframe.FrameSignals;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.Reframer;
import io.cutroom.reframe.SignalAnalyzer;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.vision.VisionModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom bench reframe}: how fast reframing analyses 1080p30 footage (as a multiple of real time), and
 * how long the reframed render takes next to the bundled ffmpeg making a fixed 9:16 crop of the same clip.
 */
@Command(name = "reframe", description = "Reframing speed on 1080p30 footage, and the reframed render against ffmpeg.")
final class ReframeBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final int RUNS = 5;

    /**
     * Times RUNS warm runs and prints the median (single runs on a shared 2-core machine varied by a third or
     * more). A run is everything a clip never analysed before needs: one decoding pass finds the cuts and
     * the subjects, then the camera is planned.
     */
    private static Reframer.Result timed(PrintWriter out, Reframer reframer, Path clip, MediaInfo info) throws Exception {
        reframe(reframer, clip, info);
        double[] runs = new double[RUNS];
        double[] tracking = new double[RUNS];
        double[] closer = new double[RUNS];
        int closerLooks = 0;
        Reframer.Result result = null;
        long tracked = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            SignalAnalyzer.Analysis analysis = new SignalAnalyzer(VisionModels.shared(), SignalWeights.DEFAULT)
                    .analyse(clip, info, null, JobContext.NONE);
            result = Reframer.plan(info, analysis.shots(), AspectRatio.VERTICAL, MotionStyle.DEFAULT, SignalWeights.DEFAULT,
                    List.of(), List.of(), analysis.signals());
            runs[run] = (System.nanoTime() - start) / 1e9;
            tracking[run] = analysis.trackingSec();
            closer[run] = analysis.closerSec();
            closerLooks = analysis.closerLooks();
            tracked = result.signals().stream().filter(FrameSignals::tracked).count();
        }
        Arrays.sort(runs);
        Arrays.sort(tracking);
        Arrays.sort(closer);
        double median = runs[RUNS / 2];
        out.printf(Locale.ROOT, "%s: %.2f s (median of %d; runs %.2f to %.2f s), %d shots, %d subject positions (%d"
                        + " tracked between the detectors' looks): %.1fx real time (target: at least 10x on 2 cores);"
                        + " the tracker took %.2f s, %.0f%% of the run; %d closer looks took %.2f s, %.0f%%%n",
                clip.getFileName(), median, RUNS, runs[0], runs[RUNS - 1], result.plan().shots().size(),
                result.signals().size(), tracked, info.durationSec() / median, tracking[RUNS / 2],
                100 * tracking[RUNS / 2] / median, closerLooks, closer[RUNS / 2], 100 * closer[RUNS / 2] / median);
        return result;
    }

    private static Reframer.Result reframe(Reframer reframer, Path clip, MediaInfo info) throws Exception {
        return reframer.reframe(clip, info, null, AspectRatio.VERTICAL, MotionStyle.DEFAULT, SignalWeights.DEFAULT,
                JobContext.NONE);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("cutroom-bench-reframe");
        try {
            Path clip = BenchFiles.bunny1080p30(work, true);
            Path people = BenchFiles.chaplin1080p30(work);
            MediaInfo info = new JavaCvProbe().probe(clip);
            MediaInfo peopleInfo = new JavaCvProbe().probe(people);
            Reframer reframer = new Reframer(VisionModels.shared());
            out.printf("machine: %s%n", MachineDescription.describe());
            out.printf(Locale.ROOT, "inputs, made 1080p30 H.264 by the bundled ffmpeg; aspect 9:16:%n"
                    + "  %s, %.1f s, four shots of animated animals (no people: faces are searched once a second)%n"
                    + "  %s looped three times, %.1f s, people in every shot (faces followed three times a second)%n",
                    Path.of(BenchFiles.DEMO_CLIP).getFileName(), info.durationSec(),
                    Path.of(BenchFiles.PEOPLE_CLIP).getFileName(), peopleInfo.durationSec());
            // The first runs in a process pay for the JIT and oneDNN's kernels (measured: CenterNet took over a second
            // a batch for five rounds, then 90 ms a picture). Shown apart; the figures are for a studio that is warm.
            long cold = System.nanoTime();
            reframe(reframer, clip, info);
            double coldSec = (System.nanoTime() - cold) / 1e9;
            for (int i = 0; i < 3; i++) {
                reframe(reframer, clip, info);
            }
            out.printf(Locale.ROOT, "first run in a fresh process (networks loading, JIT, kernels): %.2f s%n", coldSec);
            Reframer.Result result = timed(out, reframer, clip, info);
            timed(out, reframer, people, peopleInfo);

            Path reframed = work.resolve("reframed.mp4");
            long start = System.nanoTime();
            RenderResult rendered = new RenderPipeline().render(new RenderRequest(clip, reframed, RenderPreset.forAspect(
                    AspectRatio.VERTICAL), AspectRatio.VERTICAL, result.plan().track(), null, null, true), JobContext.NONE);
            double renderSec = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            RenderBench.run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-i", clip.toString(), "-vf",
                    "crop=608:1080,scale=1080:1920:flags=bicubic", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
                    "-c:a", "copy", work.resolve("ffmpeg-crop.mp4").toString()));
            double ffmpegSec = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "render of the reframed 1080x1920 output: %.2f s (%d frames, %.1f fps)%n", renderSec,
                    rendered.frames(), rendered.frames() / renderSec);
            out.printf(Locale.ROOT, "bundled ffmpeg, fixed 9:16 crop to 1080x1920, x264 veryfast: %.2f s; ratio %.2f%n",
                    ffmpegSec, renderSec / ffmpegSec);
            return 0;
        } finally {
            BenchFiles.deleteTree(work);
        }
    }
}
