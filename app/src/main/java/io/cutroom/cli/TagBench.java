package io.cutroom.cli;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.vision.FrameSampler;
import io.cutroom.vision.ModelCost;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.OneDnn;
import io.cutroom.vision.ShotTagger;
import io.cutroom.vision.VisionModels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Inference speed of each network with oneDNN layer helpers off and on, next to the machine's ND4J matrix
 * multiply in the same run, and the time to tag an hour of 1080p footage with Cutroom's sampling.
 */
@Command(name = "tag", description = "Tagging speed: per model, helpers off and on, and an hour of 1080p.")
final class TagBench implements Callable<Integer> {
    private static final int[] BATCHES = {1, 4, 8, 16};

    @Option(names = "--runs", defaultValue = "8", description = "Timed runs at batch 1 (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--clip-seconds", defaultValue = "30", description = "Length of the generated 1080p clip (default: ${DEFAULT-VALUE}).")
    int clipSeconds;

    @Option(names = "--inference-ms", description = "Skip the per-model timing and take this many ms of inference"
            + " per sampled picture (all three networks, helpers on) for the hour estimate; for quick reruns.")
    Double inferenceMs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Speed(double msBatch1, double bestImagesPerSec, int bestBatch) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s%n", MachineDescription.describe());
        if (inferenceMs != null) {
            out.printf(Locale.ROOT, "inference per sampled picture: %.0f ms, as given%n", inferenceMs);
            hourOfFootage(out, inferenceMs / 1000);
            return 0;
        }
        ModelFiles files = ModelFiles.locate();
        List<BufferedImage> pictures = pictures(files.folder());
        out.printf("inputs: %d real pictures from models/fixtures, cycled into batches of %s%n", pictures.size(),
                Arrays.toString(BATCHES));
        out.printf(Locale.ROOT, "ND4J matrix multiply (2048x2048 float): %.1f GFLOP/s%n", matmulGflops());

        double[] perSampleSec = new double[2];
        for (boolean helpers : new boolean[] {false, true}) {
            System.setProperty(OneDnn.SWITCH_PROPERTY, Boolean.toString(helpers));
            OneDnn.configure();
            Nd4j.getEnvironment().allowHelpers(helpers);
            VisionModels models = new VisionModels(files);
            out.printf("%n-- oneDNN helpers %s --%n", helpers ? "ON" : "OFF");
            double scenes = report(out, "mobilenet_v2", ModelCost.gflopsPerPicture(models.scenes()),
                    time(pictures, b -> models.scenes().classify(b)));
            double objects = report(out, "centernet", ModelCost.gflopsPerPicture(models.objects()),
                    time(pictures, b -> models.objects().detect(b)));
            double faces = report(out, "blazeface", ModelCost.gflopsPerPicture(models.faces()),
                    time(pictures, b -> models.faces().detect(b)));
            perSampleSec[helpers ? 1 : 0] = 1 / scenes + 1 / objects + 1 / faces;
        }
        out.printf(Locale.ROOT, "%nall three networks per sampled picture: %.0f ms with helpers off, %.0f ms on (%.1fx)%n",
                perSampleSec[0] * 1000, perSampleSec[1] * 1000, perSampleSec[0] / perSampleSec[1]);
        hourOfFootage(out, perSampleSec[1]);
        return 0;
    }

    private double report(PrintWriter out, String model, double gflops, Speed speed) {
        out.printf(Locale.ROOT, "%-13s %6.2f GFLOP/picture  batch 1: %7.1f ms/picture  best: %6.1f pictures/s at batch %2d"
                        + "  = %5.1f GFLOP/s%n", model, gflops, speed.msBatch1(), speed.bestImagesPerSec(), speed.bestBatch(),
                gflops * speed.bestImagesPerSec());
        return speed.bestImagesPerSec();
    }

    private Speed time(List<BufferedImage> pictures, Consumer<List<BufferedImage>> model) {
        List<BufferedImage> one = List.of(pictures.get(0));
        model.accept(one);
        model.accept(one);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            model.accept(List.of(pictures.get(i % pictures.size())));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double best = 0;
        int bestBatch = 1;
        for (int batch : BATCHES) {
            List<BufferedImage> input = new ArrayList<>();
            for (int i = 0; i < batch; i++) input.add(pictures.get(i % pictures.size()));
            model.accept(input);
            long start = System.nanoTime();
            int rounds = 2;
            for (int r = 0; r < rounds; r++) model.accept(input);
            double perSecond = rounds * batch / ((System.nanoTime() - start) / 1e9);
            if (perSecond > best) {
                best = perSecond;
                bestBatch = batch;
            }
        }
        return new Speed(ms[ms.length / 2], best, bestBatch);
    }

    /** Shot detection, frame sampling and inference on a generated 1080p clip, scaled to one hour. */
    private void hourOfFootage(PrintWriter out, double inferenceSecPerSample) throws Exception {
        Path work = Files.createTempDirectory("cutroom-bench-tag");
        try {
            Path clip = work.resolve("1080p30.mp4");
            RenderBench.run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-f", "lavfi",
                    "-i", "testsrc2=size=1920x1080:rate=30", "-t", Integer.toString(clipSeconds), "-c:v", "libx264",
                    "-preset", "veryfast", "-g", "60", "-pix_fmt", "yuv420p", clip.toString()));
            MediaInfo info = new JavaCvProbe().probe(clip);
            long start = System.nanoTime();
            var shots = new ShotDetector().detect(clip, JobContext.NONE);
            double shotSec = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            double[] keyframes = io.cutroom.media.KeyframeTimes.of(clip);
            List<Double> times = ShotTagger.sampleTimes(shots, keyframes).stream().flatMap(List::stream).toList();
            FrameSampler.sample(clip, info, times, keyframes);
            double sampleSec = (System.nanoTime() - start) / 1e9;
            double perHour = 3600.0 / clipSeconds;
            double samplesPerHour = times.size() * perHour;
            double total = (shotSec + sampleSec) * perHour + samplesPerHour * inferenceSecPerSample;
            out.printf(Locale.ROOT, "%nhour of 1080p30 H.264 (measured on a %d s generated clip, GOP 2 s, scaled x%.0f):%n",
                    clipSeconds, perHour);
            out.printf(Locale.ROOT, "  shot detection (decodes every frame at 96 px): %6.1f s%n", shotSec * perHour);
            out.printf(Locale.ROOT, "  keyframes, then %4.0f pictures (one per %.0f s of shot): %6.1f s%n", samplesPerHour,
                    ShotTagger.SAMPLE_EVERY_SEC, sampleSec * perHour);
            out.printf(Locale.ROOT, "  inference, three networks, helpers on:            %6.1f s%n", samplesPerHour * inferenceSecPerSample);
            out.printf(Locale.ROOT, "  total: %.1f min (target: under 5 min on 2 cores)%n", total / 60);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double matmulGflops() {
        int n = 2048;
        INDArray a = Nd4j.rand(n, n);
        INDArray b = Nd4j.rand(n, n);
        a.mmul(b);
        int rounds = 5;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) a.mmul(b);
        return rounds * 2.0 * n * n * n / ((System.nanoTime() - start) / 1e9) / 1e9;
    }

    private static List<BufferedImage> pictures(Path models) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(models.resolve("fixtures"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
                out.add(ImageIO.read(p.toFile()));
            }
        }
        if (out.isEmpty()) throw new IllegalStateException("No fixture pictures under " + models.resolve("fixtures"));
        return out;
    }
}
