package io.cutroom.eval;

import io.cutroom.bench.BenchFiles;
import io.cutroom.bench.MachineDescription;
import io.cutroom.cli.CutroomCli;
import io.cutroom.color.ColorCast;
import io.cutroom.eval.color.BalancedPictures;
import io.cutroom.eval.color.CastEvaluation;
import io.cutroom.eval.color.ColorDataset;
import io.cutroom.eval.color.DatasetEvaluation;
import io.cutroom.media.Ffmpeg;
import java.io.IOException;
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
 * {@code cutroom eval color --images DIR}: known casts on every picture in DIR, taken out by Cutroom's auto
 * white balance and by FFmpeg's grayworld and greyedge filters in the same run, plus no correction.
 * {@code cutroom eval color --dataset DIR}: the scenes of a colour-constancy set (INTEL-TAU layout) made
 * neutral with their measured light and put under known casts, with Cutroom's figures out of fold.
 */
@Command(name = "color", description = "Auto white balance against the classic estimators and FFmpeg's filters on pictures under known casts.")
final class ColorEval implements Callable<Integer> {

    @Option(names = "--images", paramLabel = "DIR", description = "A folder of balanced photos (searched recursively).")
    Path images;

    @Option(names = "--dataset", paramLabel = "DIR", description = "A colour-constancy set: 16-bit linear PNGs and gt_illuminants.csv.")
    Path dataset;

    @Option(names = "--folds", defaultValue = "5", description = "Folds for the out-of-fold figures with --dataset (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scenes' shuffle into folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "512", description = "Pictures are scaled to this many pixels on the long side (default: ${DEFAULT-VALUE}).")
    int size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((images == null) == (dataset == null)) {
            err.println("cutroom: give --images DIR or --dataset DIR.");
            return 2;
        }
        if (dataset != null) {
            return evaluateDataset(out, err);
        }
        if (!Files.isDirectory(images)) {
            err.println("cutroom: " + images + " is not a folder.");
            return CutroomCli.EXIT_ERROR;
        }
        List<ColorCast> casts = ColorCast.evaluationSet();
        Path work = Files.createTempDirectory("cutroom-eval-color");
        CastEvaluation evaluation = new CastEvaluation(Ffmpeg.ffmpegExecutable(), work);
        Tally all = new Tally(evaluation.methods());
        Tally distinct = new Tally(evaluation.methods());
        out.printf("machine: %s%n", MachineDescription.describe());
        out.printf(Locale.ROOT, "casts (linear RGB, 2.2 transfer, relative to 6504 K): %s%n",
                String.join(", ", casts.stream().map(ColorCast::name).toList()));
        List<BalancedPictures.Picture> pictures = BalancedPictures.read(images, size, skipped -> out.println("skipped " + skipped));
        int distinctCount = 0;
        try {
            for (int i = 0; i < pictures.size(); i++) {
                BalancedPictures.Picture picture = pictures.get(i);
                CastEvaluation.PictureResult result = evaluation.evaluate(picture.image(), casts);
                all.add(result);
                boolean first = picture.copyOf() == i;
                if (first) {
                    distinct.add(result);
                    distinctCount++;
                }
                out.printf(Locale.ROOT, "%-40s cutroom median %5.2f°  added %5.2f°%s%n", picture.name(),
                        CastEvaluation.Summary.of(result.castErrors().get(CastEvaluation.CUTROOM)).median(),
                        result.addedError().get(CastEvaluation.CUTROOM),
                        first ? "" : "  (same picture as " + pictures.get(picture.copyOf()).name() + ")");
                out.flush();
            }
        } finally {
            BenchFiles.deleteTree(work);
        }
        int used = pictures.size();
        out.printf(Locale.ROOT, "%ninputs: %d pictures from %s, %d casts each, scaled to %d px%n", used, images.getFileName(),
                casts.size(), size);
        all.print(out, "all " + used + " pictures, " + used * casts.size() + " cast pictures");
        if (distinctCount < used) {
            distinct.print(out, distinctCount + " distinct pictures (copies that differ only in orientation counted once)");
        }
        return 0;
    }

    private int evaluateDataset(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (folds < 2) {
            err.println("cutroom: --folds must be 2 or more.");
            return 2;
        }
        List<ColorDataset.Scene> scenes;
        try {
            scenes = ColorDataset.read(dataset);
        } catch (IOException e) {
            err.println("cutroom: the colour set could not be read: " + e.getMessage());
            return CutroomCli.EXIT_ERROR;
        }
        if (scenes.size() < folds) {
            err.println("cutroom: " + folds + " folds need at least " + folds + " scenes; " + dataset + " has " + scenes.size() + ".");
            return CutroomCli.EXIT_ERROR;
        }
        out.printf("machine: %s%n", MachineDescription.describe());
        out.printf("inputs: %d scenes from %s, made neutral with their measured light, scaled so 99%% of pixels sit below"
                + " 0.9, sRGB-encoded in 8 bits; casts: none, %s%n", scenes.size(), dataset.getFileName(),
                String.join(", ", ColorDataset.casts().stream().map(ColorCast::name).toList()));
        Path work = Files.createTempDirectory("cutroom-eval-color");
        try {
            DatasetEvaluation.Report report = new DatasetEvaluation(new CastEvaluation(Ffmpeg.ffmpegExecutable(), work))
                    .run(scenes, folds, seed);
            ColorDatasetReport.print(out, report);
        } finally {
            BenchFiles.deleteTree(work);
        }
        return 0;
    }

    /** Errors per method, gathered over pictures. */
    private static final class Tally {
        private final Map<String, List<Double>> cast = new LinkedHashMap<>();
        private final Map<String, List<Double>> added = new LinkedHashMap<>();

        Tally(List<String> methods) {
            for (String method : methods) {
                cast.put(method, new ArrayList<>());
                added.put(method, new ArrayList<>());
            }
        }

        void add(CastEvaluation.PictureResult result) {
            result.castErrors().forEach((method, errors) -> cast.get(method).addAll(errors));
            result.addedError().forEach((method, error) -> added.get(method).add(error));
        }

        void print(PrintWriter out, String title) {
            out.printf("%n%s%n", title);
            out.printf("%-40s %7s %7s %9s %13s %13s %12s%n", "method", "mean", "median", "worst25%", "added mean",
                    "added median", "added max");
            for (String method : cast.keySet()) {
                CastEvaluation.Summary s = CastEvaluation.Summary.of(cast.get(method));
                CastEvaluation.Summary a = CastEvaluation.Summary.of(added.get(method));
                double worst = added.get(method).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                out.printf(Locale.ROOT, "%-40s %6.2f° %6.2f° %8.2f° %12.2f° %12.2f° %11.2f°%n", method, s.mean(), s.median(),
                        s.worstQuarter(), a.mean(), a.median(), worst);
            }
        }
    }
}
