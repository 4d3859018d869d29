package io.cutroom.eval;

import io.cutroom.bench.BenchFiles;
import io.cutroom.bench.MachineDescription;
import io.cutroom.eval.reframe.Baselines;
import io.cutroom.eval.reframe.EvalSet;
import io.cutroom.eval.reframe.GroundTruthClip;
import io.cutroom.eval.reframe.KindMetrics;
import io.cutroom.eval.reframe.MotionClip;
import io.cutroom.eval.reframe.MotionEvalSet;
import io.cutroom.eval.reframe.ReframeMetrics;
import io.cutroom.ingest.DemoMedia;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.Fill;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.Reframer;
import io.cutroom.reframe.SignalAnalyzer;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.reframe.Widening;
import io.cutroom.vision.VisionModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom eval reframe}: makes the ground-truth clips, reframes them, and measures Cutroom, the centre
 * crop and the per-frame saliency crop on every frame of each, in the same run: first the set by kind of
 * motion (seeded), then the astronaut clips the planner was first built on.
 */
@Command(name = "reframe", description = "Reframing against a centre crop and a per-frame saliency crop on ground-truth clips.")
final class ReframeEval implements Callable<Integer> {
    @Option(names = "--aspect", defaultValue = "9:16", description = "Output shape (default: ${DEFAULT-VALUE}).")
    String aspect;

    @Option(names = "--style", defaultValue = "default", description = "Cutroom's motion style (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the clips by kind of motion (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--clips", defaultValue = "2", description = "Clips by kind of motion, each with every kind (default: ${DEFAULT-VALUE}).")
    int clipCount;

    @Option(names = "--media", description = "Subjects and backgrounds for the clips by kind of motion (default: assets/eval/reframe).")
    Path media;

    @Option(names = "--skip-astronaut", description = "Leave out the astronaut clips.")
    boolean skipAstronaut;

    @Option(names = "--per-shot", description = "Also print each generated shot: its kind, subjects, and how Cutroom framed it.")
    boolean perShot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path demo = DemoMedia.folder().orElseThrow(() -> new IllegalStateException("The demo media (assets/demo) are needed."));
        Path pictures = media != null ? media : demo.resolveSibling("eval").resolve("reframe");
        AspectRatio shape = AspectRatio.parse(aspect);
        MotionStyle motion = MotionStyle.parse(style);
        Path dir = Files.createTempDirectory("cutroom-eval-reframe");
        try {
            Reframer reframer = new Reframer(VisionModels.shared());
            out.printf("machine: %s%n", MachineDescription.describe());
            MotionEvalSet set = MotionEvalSet.from(pictures);
            List<MotionClip> clips = set.make(dir, seed, clipCount);
            out.printf(Locale.ROOT, "inputs: %d clips by kind of motion, seed %d: %d subjects and %d backgrounds from"
                            + " assets/eval/reframe, 1280x720, 25 fps, %d shots; aspect %s, Cutroom style %s%n%n",
                    clips.size(), seed, set.subjectCount(), set.backgroundCount(),
                    clips.stream().mapToInt(c -> c.shots().size()).sum(), shape, motion.id());
            Map<String, KindMetrics> byMethod = new LinkedHashMap<>();
            for (MotionClip clip : clips) {
                MediaInfo info = new JavaCvProbe().probe(clip.file());
                SignalAnalyzer.Analysis analysis = new SignalAnalyzer(VisionModels.shared(), SignalWeights.DEFAULT)
                        .analyse(clip.file(), info, null, JobContext.NONE);
                Reframer.Result result = Reframer.plan(info, analysis.shots(), shape, motion, SignalWeights.DEFAULT,
                        List.of(), List.of(), analysis.signals());
                Map<String, CropTrack> tracks = tracks(result, info, shape);
                // The same analysis planned again with the window free to widen up to the frame's width.
                tracks.put("widening", Reframer.plan(info, analysis.shots(), shape, motion, SignalWeights.DEFAULT, List.of(),
                        List.of(), analysis.signals(), new Widening(Double.POSITIVE_INFINITY, Fill.BLUR)).plan().track());
                for (Map.Entry<String, CropTrack> t : tracks.entrySet()) {
                    byMethod.computeIfAbsent(t.getKey(), k -> new KindMetrics()).add(t.getValue(), clip, shape);
                }
                if (perShot) {
                    ReframeKindTables.perShot(out, clip, result, shape);
                }
            }
            ReframeKindTables.print(out, byMethod);
            if (!skipAstronaut) {
                astronaut(out, demo, dir, reframer, shape, motion);
            }
            return 0;
        } finally {
            BenchFiles.deleteTree(dir);
        }
    }

    private static Map<String, CropTrack> tracks(Reframer.Result result, MediaInfo info, AspectRatio shape) {
        Map<String, CropTrack> tracks = new LinkedHashMap<>();
        tracks.put("cutroom", result.plan().track());
        tracks.put("centre", Baselines.centre(info.displayWidth(), info.displayHeight(), shape));
        tracks.put("saliency", Baselines.perFrameSaliency(info.displayWidth(), info.displayHeight(), shape, result.signals()));
        return tracks;
    }

    private static void astronaut(PrintWriter out, Path demo, Path dir, Reframer reframer, AspectRatio shape, MotionStyle motion)
            throws Exception {
        Map<String, GroundTruthClip> clips = EvalSet.make(demo, dir);
        Map<String, List<ReframeMetrics>> byMethod = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "%nastronaut clips: %d made from assets/demo (astronaut.png, %d px square, over Big Buck"
                + " Bunny, china.jpg and coffee.png; 1280x720, 25 fps)%n", clips.size(), EvalSet.SUBJECT_SIDE);
        out.printf("%-30s %-10s %8s %9s%n", "clip", "method", "inside", "shots");
        for (Map.Entry<String, GroundTruthClip> e : clips.entrySet()) {
            GroundTruthClip clip = e.getValue();
            MediaInfo info = new JavaCvProbe().probe(clip.file());
            Reframer.Result result = reframer.reframe(clip.file(), info, null, shape, motion, SignalWeights.DEFAULT,
                    JobContext.NONE);
            for (Map.Entry<String, CropTrack> t : tracks(result, info, shape).entrySet()) {
                ReframeMetrics m = ReframeMetrics.measure(t.getValue(), clip);
                byMethod.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(m);
                out.printf(Locale.ROOT, "%-30s %-10s %7.1f%% %9s%n", e.getKey(), t.getKey(), m.insideRate() * 100,
                        t.getKey().equals("cutroom") ? modes(result) : "");
            }
        }
        out.printf("%nastronaut clips, every frame:%n");
        out.printf("%-10s %9s %16s %13s %13s %9s%n", "method", "inside", "centre distance", "speed (w/s)",
                "accel (w/s²)", "moving");
        for (Map.Entry<String, List<ReframeMetrics>> e : byMethod.entrySet()) {
            ReframeMetrics m = ReframeMetrics.mean(e.getValue());
            out.printf(Locale.ROOT, "%-10s %8.1f%% %16.3f %13.3f %13.2f %8.1f%%%n", e.getKey(), m.insideRate() * 100,
                    m.meanCentreDistance(), m.meanSpeed(), m.meanAcceleration(), m.movingShare() * 100);
        }
    }

    private static String modes(Reframer.Result result) {
        return String.join(",", result.plan().shots().stream().map(s -> s.mode().name().toLowerCase(Locale.ROOT)).toList());
    }
}
