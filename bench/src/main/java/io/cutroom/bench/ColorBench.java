package io.cutroom.bench;

import io.cutroom.color.AutoColor;
import io.cutroom.color.ExposureEstimator;
import io.cutroom.color.LinearImage;
import io.cutroom.color.ShotColor;
import io.cutroom.color.WhiteBalanceEstimator;
import io.cutroom.eval.color.DatasetEvaluation;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.GradeFilters;
import io.cutroom.media.render.RenderPipeline;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.vision.FrameSampler;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom bench color}: on the demo's Big Buck Bunny excerpt made 1080p30, the time auto colour takes
 * (per measured frame and per minute of footage), and what a grade adds to a 1080p render, through the
 * pipeline and, for reference, through the bundled ffmpeg command line with the same filter chain.
 */
@Command(name = "color", description = "Auto-colour analysis speed and the render cost of a grade.")
final class ColorBench implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "3", description = "Runs of each render (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("cutroom-bench-color");
        try {
            Path clip = BenchFiles.bunny1080p30(work, false);
            MediaInfo info = new JavaCvProbe().probe(clip);
            double minutes = info.durationSec() / 60;
            out.printf(Locale.ROOT, "input: assets/demo/%s made 1920x1080 30 fps H.264 (%.1f s)%n", BenchFiles.DEMO_CLIP,
                    info.durationSec());
            out.printf("machine: %s%n", MachineDescription.describe());

            long t0 = System.nanoTime();
            List<Shot> shots = new ShotDetector().detect(clip, JobContext.NONE);
            double shotSec = (System.nanoTime() - t0) / 1e9;
            AutoColor auto = new AutoColor();
            Analysis analysis = timeAnalysis(auto, clip, shots);
            List<ShotColor> measured = analysis.shots();
            int frames = analysis.frames();
            double analysisSec = analysis.seconds();
            // Phones and most cameras put a keyframe every second or so; auto colour then measures keyframes.
            Analysis everySecond = timeAnalysis(auto, BenchFiles.bunny1080p30(work, false, 30), shots);

            List<Double> times = new ArrayList<>();
            for (Shot s : shots) {
                times.add((s.startSec() + s.endSec()) / 2);
            }
            List<BufferedImage> pictures = FrameSampler.sample(clip, info, times);
            WhiteBalanceEstimator wb = new WhiteBalanceEstimator();
            ExposureEstimator exposure = new ExposureEstimator();
            int repeats = 20;
            t0 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                for (BufferedImage p : pictures) {
                    LinearImage im = LinearImage.of(p);
                    wb.estimate(im);
                    exposure.estimate(im);
                }
            }
            double statsMs = (System.nanoTime() - t0) / 1e6 / (repeats * pictures.size());
            List<LinearImage> linear = pictures.stream().map(LinearImage::of).toList();
            double estimatorMs = msPerFrame(linear, repeats, wb::estimate);
            double greyEdgeMs = msPerFrame(linear, repeats, WhiteBalanceEstimator::greyEdge);
            double ffmpegMs = ffmpegGreyEdgeMs(clip, info);

            out.printf(Locale.ROOT, "%nanalysis (%d shots, %d frames measured, %d per shot at most)%n", shots.size(), frames,
                    AutoColor.FRAMES_PER_SHOT);
            out.printf(Locale.ROOT, "  statistics only:        %7.2f ms per frame (decoded %d px frame -> linear 256 px -> estimates)%n",
                    statsMs, FrameSampler.BOX);
            out.printf(Locale.ROOT, "  white balance estimate alone: %6.2f ms per frame; grey edge alone on the same frames %.2f ms (ratio %.1f)%n",
                    estimatorMs, greyEdgeMs, estimatorMs / greyEdgeMs);
            out.printf(Locale.ROOT, "  reference, ffmpeg -vf scale=%d:-2,%s on every frame (decode included): %.2f ms per frame%n",
                    LinearImage.ANALYSIS_SIZE, DatasetEvaluation.FFMPEG_GREYEDGE, ffmpegMs);
            out.printf(Locale.ROOT, "  decode + statistics:    %7.1f ms per frame, %6.2f s per minute of footage%n",
                    analysisSec * 1000 / frames, analysisSec / minutes);
            out.printf(Locale.ROOT, "  same, a keyframe every second: %5.1f ms per frame, %6.2f s per minute of footage%n",
                    everySecond.seconds() * 1000 / everySecond.frames(), everySecond.seconds() / minutes);
            out.printf(Locale.ROOT, "  shot detection (shared with tagging and reframing): %.2f s per minute%n", shotSec / minutes);

            Grade graded = AutoColor.toGrade(new Grade(0.2, 1.1, 1.1, 10.0, null, null, null, null), measured);
            out.printf(Locale.ROOT, "%nrender cost of a grade: %s preset (libx264 veryfast CRF %d), median of %d rounds%n",
                    RenderPreset.WIDE_1080P.id(), RenderPreset.WIDE_1080P.crf(), rounds);
            List<double[]> plain = new ArrayList<>();
            List<double[]> withGrade = new ArrayList<>();
            List<double[]> cliPlain = new ArrayList<>();
            List<double[]> cliGrade = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                plain.add(timePipeline(clip, work.resolve("plain.mp4"), Grade.NEUTRAL));
                withGrade.add(timePipeline(clip, work.resolve("graded.mp4"), graded));
                cliPlain.add(timeCli(clip, work.resolve("cli-plain.mp4"), Grade.NEUTRAL));
                cliGrade.add(timeCli(clip, work.resolve("cli-graded.mp4"), graded));
            }
            double[] p = RenderBench.medians(plain);
            double[] g = RenderBench.medians(withGrade);
            double[] cp = RenderBench.medians(cliPlain);
            double[] cg = RenderBench.medians(cliGrade);
            out.printf("%-40s %8s %8s%n", "", "CPU s", "wall s");
            out.printf(Locale.ROOT, "%-40s %8.2f %8.2f%n", "pipeline, no grade", p[0], p[1]);
            out.printf(Locale.ROOT, "%-40s %8.2f %8.2f%n", "pipeline, auto per shot + manual", g[0], g[1]);
            out.printf(Locale.ROOT, "%-40s %8.2f %8.2f%n", "ffmpeg CLI, no grade", cp[0], cp[1]);
            out.printf(Locale.ROOT, "%-40s %8.2f %8.2f%n", "ffmpeg CLI, the same per-shot grade", cg[0], cg[1]);
            out.printf(Locale.ROOT, "grade adds: pipeline %+.0f%% CPU (%+.0f%% wall); ffmpeg CLI %+.0f%% CPU (%+.0f%% wall)%n",
                    100 * (g[0] / p[0] - 1), 100 * (g[1] / p[1] - 1), 100 * (cg[0] / cp[0] - 1), 100 * (cg[1] / cp[1] - 1));
            out.printf(Locale.ROOT, "graded render, pipeline/CLI: CPU %.3f, wall %.3f%n", g[0] / cg[0], g[1] / cg[1]);
            return 0;
        } finally {
            BenchFiles.deleteTree(work);
        }
    }

    private record Analysis(List<ShotColor> shots, double seconds, int frames) {
    }

    /** Auto colour on every shot of {@code clip}, timed after one warm-up run (the JIT compiles the statistics). */
    private static Analysis timeAnalysis(AutoColor auto, Path clip, List<Shot> shots) throws Exception {
        MediaInfo info = new JavaCvProbe().probe(clip);
        auto.analyseVideo(clip, info, shots, JobContext.NONE);
        long t0 = System.nanoTime();
        List<ShotColor> measured = auto.analyseVideo(clip, info, shots, JobContext.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Analysis(measured, seconds, measured.stream().mapToInt(ShotColor::frames).sum());
    }

    /** Median over {@code rounds} of the mean time per frame of {@code estimate}, after a warm-up round. */
    private static double msPerFrame(List<LinearImage> frames, int rounds, Function<LinearImage, ?> estimate) {
        frames.forEach(estimate::apply);
        double[] perRound = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            frames.forEach(estimate::apply);
            perRound[r] = (System.nanoTime() - t0) / 1e6 / frames.size();
        }
        Arrays.sort(perRound);
        return perRound[rounds / 2];
    }

    /** The bundled ffmpeg's grey edge over every frame of the clip at the estimator's size, wall time per frame. */
    private static double ffmpegGreyEdgeMs(Path clip, MediaInfo info) throws Exception {
        List<String> command = List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-i", clip.toString(), "-an", "-vf",
                "scale=" + LinearImage.ANALYSIS_SIZE + ":-2," + DatasetEvaluation.FFMPEG_GREYEDGE, "-f", "null", "-");
        long wall = System.nanoTime();
        RenderBench.run(command);
        double frames = info.durationSec() * (info.fps() == null ? 30 : info.fps());
        return (System.nanoTime() - wall) / 1e6 / frames;
    }

    private static double[] timePipeline(Path clip, Path out, Grade grade) throws Exception {
        long cpu = RenderBench.processCpuNanos();
        long wall = System.nanoTime();
        new RenderPipeline().render(new RenderRequest(clip, out, RenderPreset.WIDE_1080P, null, null, grade, null, true),
                JobContext.NONE);
        return new double[] {(RenderBench.processCpuNanos() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9};
    }

    /** The same encode on the command line: one chain in which each shot's tone table is enabled over its span. */
    private static double[] timeCli(Path clip, Path out, Grade grade) throws Exception {
        List<String> command = new ArrayList<>(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-i", clip.toString()));
        if (!grade.isNeutral()) {
            command.addAll(List.of("-vf", GradeFilters.clipChain(grade, "yuv420p")));
        }
        command.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", Integer.toString(RenderPreset.WIDE_1080P.crf()),
                "-pix_fmt", "yuv420p", "-an", "-movflags", "+faststart", out.toString()));
        long cpu = RenderBench.childCpuTicks();
        long wall = System.nanoTime();
        RenderBench.run(command);
        return new double[] {(RenderBench.childCpuTicks() - cpu) / 100.0, (System.nanoTime() - wall) / 1e9};
    }
}
