package io.cutroom.bench;

import com.sun.management.OperatingSystemMXBean;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.GradeFilters;
import io.cutroom.media.render.RenderPipeline;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Renders a generated 1080p clip with a moving 9:16 crop and a grade, through the pipeline and through the
 * bundled ffmpeg command line doing the same job with the same settings, alternating, and compares CPU time.
 */
@Command(name = "render", description = "Render speed against the bundled ffmpeg command line.")
final class RenderBench implements Callable<Integer> {
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    private static final int FPS = 30;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of the generated clip (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Runs of each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("cutroom-bench-render");
        try {
            Path clip = work.resolve("source-1080p30.mp4");
            out.printf("making %d s %dx%d %d fps clip with stereo audio (testsrc2 + sine, libx264 CRF 18)...%n",
                    seconds, WIDTH, HEIGHT, FPS);
            run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=" + FPS,
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000,aformat=channel_layouts=stereo",
                    "-t", Integer.toString(seconds), "-c:v", "libx264", "-crf", "18", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-b:a", "192k", clip.toString()));
            CropTrack track = movingCrop();
            Grade grade = new Grade(0.3, 1.1, 0.9, 15.0, null, null, null, null);
            out.printf("job: moving 9:16 crop (%s), grade %s, libx264 veryfast CRF 23, AAC audio copied, 1080x1920%n",
                    "x from 0.10 to 0.58 of the width", grade.toJson().replaceAll("\\s+", " "));
            out.printf("machine: %s%n", MachineDescription.describe());

            // One short untimed render first: the JVM compiles the pipeline's Java on first use, as any
            // long-running studio would have done already.
            try {
                new RenderPipeline().render(new RenderRequest(clip, work.resolve("warm-up.mp4"), RenderPreset.SOCIAL_VERTICAL,
                        null, track, grade, null, true), JobContext.stopAfter(60));
            } catch (JobCancelledException expected) {
                // the warm-up stops itself after 60 frames
            }
            out.println("warm-up: 60 frames through the pipeline, untimed");
            List<double[]> pipeline = new ArrayList<>();
            List<double[]> cli = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                pipeline.add(timePipeline(clip, work.resolve("pipeline-" + round + ".mp4"), track, grade));
                cli.add(timeCli(clip, work.resolve("cli-" + round + ".mp4"), track, grade));
                out.printf(Locale.ROOT, "round %d: pipeline %.2f s CPU %.2f s wall; ffmpeg CLI %.2f s CPU %.2f s wall%n",
                        round + 1, pipeline.get(round)[0], pipeline.get(round)[1], cli.get(round)[0], cli.get(round)[1]);
            }
            double frames = seconds * (double) FPS;
            double[] p = medians(pipeline);
            double[] c = medians(cli);
            out.printf("%-22s %10s %10s %8s%n", "median of " + rounds, "CPU s", "wall s", "fps");
            out.printf(Locale.ROOT, "%-22s %10.2f %10.2f %8.1f%n", "cutroom pipeline", p[0], p[1], frames / p[1]);
            out.printf(Locale.ROOT, "%-22s %10.2f %10.2f %8.1f%n", "ffmpeg CLI", c[0], c[1], frames / c[1]);
            out.printf(Locale.ROOT, "ratio pipeline/CLI: CPU %.3f, wall %.3f (target: CPU at most 1.05)%n",
                    p[0] / c[0], p[1] / c[1]);
            return 0;
        } finally {
            BenchFiles.deleteTree(work);
        }
    }

    static CropTrack movingCrop() {
        double w = (9.0 / 16) * HEIGHT / WIDTH;
        return new CropTrack(WIDTH, HEIGHT, AspectRatio.VERTICAL, List.of(
                new CropTrack.Keyframe(0, new CropWindow(0.10, 0, w, 1)),
                new CropTrack.Keyframe(20, new CropWindow(0.58, 0, w, 1))));
    }

    private double[] timePipeline(Path clip, Path out, CropTrack track, Grade grade) throws Exception {
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        new RenderPipeline().render(new RenderRequest(clip, out, RenderPreset.SOCIAL_VERTICAL, null, track, grade,
                null, true), JobContext.NONE);
        return new double[] {(processCpuNanos() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9};
    }

    /** The same job on the command line: the crop's x as an expression of t, then the same scale and grade. */
    private double[] timeCli(Path clip, Path out, CropTrack track, Grade grade) throws Exception {
        CropTrack.Keyframe a = track.keyframes().get(0);
        CropTrack.Keyframe b = track.keyframes().get(1);
        int[] first = a.window().toPixels(WIDTH, HEIGHT);
        int[] last = b.window().toPixels(WIDTH, HEIGHT);
        String x = String.format(Locale.ROOT, "2*round((%d+(%d-%d)*min(1\\,max(0\\,(t-%s)/%s)))/2)",
                first[0], last[0], first[0], a.t(), b.t() - a.t());
        // The grade chain is used as the pipeline uses it, its sws_flags prefix included.
        String chain = GradeFilters.chain(grade, "yuv420p");
        int split = chain.indexOf(';') + 1;
        String filter = String.format(Locale.ROOT, "%scrop=w=%d:h=%d:x='%s':y=0,scale=1080:1920:flags=bicubic+%s,%s",
                chain.substring(0, split), first[2], first[3], x, GradeFilters.SWS_FLAGS, chain.substring(split));
        List<String> command = new ArrayList<>(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y",
                "-i", clip.toString(), "-vf", filter,
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
                "-c:a", "copy", "-movflags", "+faststart", out.toString()));
        long cpu = childCpuTicks();
        long wall = System.nanoTime();
        run(command);
        return new double[] {(childCpuTicks() - cpu) / 100.0, (System.nanoTime() - wall) / 1e9};
    }

    static double[] medians(List<double[]> runs) {
        double[] cpu = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] wall = runs.stream().mapToDouble(r -> r[1]).sorted().toArray();
        return new double[] {cpu[cpu.length / 2], wall[wall.length / 2]};
    }

    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of finished child processes (user + system), in clock ticks, from /proc/self/stat. */
    static long childCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + log.strip());
        }
    }
}
