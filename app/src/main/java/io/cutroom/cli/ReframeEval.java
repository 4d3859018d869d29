package io.cutroom.cli;

import io.cutroom.ingest.DemoMedia;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.reframe.Baselines;
import io.cutroom.reframe.EvalSet;
import io.cutroom.reframe.GroundTruthClip;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.ReframeMetrics;
import io.cutroom.reframe.Reframer;
import io.cutroom.reframe.SignalWeights;
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
import picocli.CommandLine.Option;

/**
 * {@code cutroom eval reframe}: makes the ground-truth clips, reframes them, and measures Cutroom, the centre
 * crop and the per-frame saliency crop on every frame of each, in the same run.
 */
@Command(name = "reframe", description = "Reframing against a centre crop and a per-frame saliency crop on ground-truth clips.")
final class ReframeEval implements Callable<Integer> {
    @Option(names = "--aspect", defaultValue = "9:16", description = "Output shape (default: ${DEFAULT-VALUE}).")
    String aspect;

    @Option(names = "--style", defaultValue = "default", description = "Cutroom's motion style (default: ${DEFAULT-VALUE}).")
    String style;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path demo = DemoMedia.folder().orElseThrow(() -> new IllegalStateException("The demo media (assets/demo) are needed."));
        AspectRatio shape = AspectRatio.parse(aspect);
        MotionStyle motion = MotionStyle.parse(style);
        Path dir = Files.createTempDirectory("cutroom-eval-reframe");
        try {
            Map<String, GroundTruthClip> clips = EvalSet.make(demo, dir);
            Reframer reframer = new Reframer(VisionModels.shared());
            Map<String, List<ReframeMetrics>> byMethod = new LinkedHashMap<>();
            out.printf("machine: %s%n", MachineDescription.describe());
            out.printf(Locale.ROOT, "inputs: %d clips made from assets/demo (astronaut.png, %d px square, over Big Buck"
                    + " Bunny, china.jpg and coffee.png; 1280x720, 25 fps); aspect %s, Cutroom style %s%n%n",
                    clips.size(), EvalSet.SUBJECT_SIDE, shape, motion.id());
            out.printf("%-30s %-10s %8s %9s%n", "clip", "method", "inside", "shots");
            for (Map.Entry<String, GroundTruthClip> e : clips.entrySet()) {
                GroundTruthClip clip = e.getValue();
                MediaInfo info = new JavaCvProbe().probe(clip.file());
                Reframer.Result result = reframer.reframe(clip.file(), info, null, shape, motion, SignalWeights.DEFAULT,
                        JobContext.NONE);
                Map<String, CropTrack> tracks = new LinkedHashMap<>();
                tracks.put("cutroom", result.plan().track());
                tracks.put("centre", Baselines.centre(info.displayWidth(), info.displayHeight(), shape));
                tracks.put("saliency", Baselines.perFrameSaliency(info.displayWidth(), info.displayHeight(), shape, result.signals()));
                for (Map.Entry<String, CropTrack> t : tracks.entrySet()) {
                    ReframeMetrics m = ReframeMetrics.measure(t.getValue(), clip);
                    byMethod.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(m);
                    out.printf(Locale.ROOT, "%-30s %-10s %7.1f%% %9s%n", e.getKey(), t.getKey(), m.insideRate() * 100,
                            t.getKey().equals("cutroom") ? modes(result) : "");
                }
            }
            out.printf("%nall clips, every frame:%n");
            out.printf("%-10s %9s %16s %13s %13s %9s%n", "method", "inside", "centre distance", "speed (w/s)",
                    "accel (w/s²)", "moving");
            for (Map.Entry<String, List<ReframeMetrics>> e : byMethod.entrySet()) {
                ReframeMetrics m = ReframeMetrics.mean(e.getValue());
                out.printf(Locale.ROOT, "%-10s %8.1f%% %16.3f %13.3f %13.2f %8.1f%%%n", e.getKey(), m.insideRate() * 100,
                        m.meanCentreDistance(), m.meanSpeed(), m.meanAcceleration(), m.movingShare() * 100);
            }
            return 0;
        } finally {
            BenchFiles.deleteTree(dir);
        }
    }

    private static String modes(Reframer.Result result) {
        return String.join(",", result.plan().shots().stream().map(s -> s.mode().name().toLowerCase(Locale.ROOT)).toList());
    }
}
