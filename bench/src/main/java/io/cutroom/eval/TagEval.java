package io.cutroom.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutroom.bench.MachineDescription;
import io.cutroom.cli.CutroomCli;
import io.cutroom.eval.tags.LabelledPicture;
import io.cutroom.eval.tags.TagEvaluation;
import io.cutroom.eval.tags.ThresholdCalibration;
import io.cutroom.eval.tags.ThresholdsFile;
import io.cutroom.vision.CalibratedThresholds;
import io.cutroom.vision.ShippedThresholds;
import io.cutroom.vision.ShotTagger;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.VisionModels;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code cutroom eval tag --images DIR --labels FILE.tsv}: object tags on labelled pictures, per COCO class
 * and pooled, at the shipped thresholds, at the fixed thresholds used before calibration, at the best
 * single threshold for these pictures (tuned on them, so for comparison only), and calibrated out of fold.
 * {@code --calibrate FILE} fits the thresholds on every set given and writes them with their provenance.
 */
@Command(name = "tag", description = "Object tags on labelled pictures: precision and recall per class, calibrated out of fold.")
final class TagEval implements Callable<Integer> {
    @Option(names = "--images", required = true, paramLabel = "DIR", description = "A folder of labelled pictures; repeat for several sets.")
    List<Path> images;

    @Option(names = "--labels", paramLabel = "FILE.tsv", description = "Columns file, present, also_acceptable (and group); one per --images,"
            + " DIR/labels.tsv when left out.")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--folds", defaultValue = "5", description = "Folds for the out-of-fold calibration (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the groups' shuffle into folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--calibrate", paramLabel = "FILE", description = "Fit the thresholds on all the pictures given and write them here"
            + " (models/" + ShippedThresholds.FILE + " ships them).")
    Path calibrate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (labels.size() > images.size()) {
            err.println("cutroom: give at most one --labels per --images.");
            return 2;
        }
        List<LabelledPicture> pictures = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Path dir = images.get(i);
            Path tsv = i < labels.size() ? labels.get(i) : dir.resolve("labels.tsv");
            if (!Files.isDirectory(dir) || !Files.isRegularFile(tsv)) {
                err.println("cutroom: " + (Files.isDirectory(dir) ? tsv + " is not a file." : dir + " is not a folder."));
                return CutroomCli.EXIT_ERROR;
            }
            try {
                List<LabelledPicture> set = LabelledPicture.read(dir, tsv);
                pictures.addAll(set);
                out.printf(Locale.ROOT, "set: %s, %d pictures in %d groups, labels %s%n", dir, set.size(),
                        set.stream().map(LabelledPicture::group).distinct().count(), tsv.getFileName());
            } catch (IOException e) {
                err.println("cutroom: the labels cannot be used. " + e.getMessage());
                return CutroomCli.EXIT_ERROR;
            }
        }
        out.printf("machine: %s%n", MachineDescription.describe());
        long t0 = System.nanoTime();
        List<TagEvaluation.Scored> scored = TagEvaluation.score(new ShotTagger(VisionModels.shared(), TagThresholds.defaults()), pictures);
        out.printf(Locale.ROOT, "tagged %d pictures in %.1f s (%s)%n", scored.size(), (System.nanoTime() - t0) / 1e9, ShotTagger.MODELS);

        int seen = ThresholdsFile.calibratedOn(pictures);
        double single = ThresholdCalibration.bestSingle(scored);
        List<Method> methods = List.of(
                new Method("shipped", TagEvaluation.evaluate(scored, TagThresholds::defaultOf)),
                new Method("fixed 0.35", TagEvaluation.evaluate(scored, TagThresholds::fixedDefaultOf)),
                new Method(String.format(Locale.ROOT, "single %.2f", single), TagEvaluation.evaluate(scored, tag -> single)),
                new Method("out of fold", TagEvaluation.outOfFold(scored, folds, seed)));
        out.println();
        out.println("shipped: models/" + ShippedThresholds.FILE + (seen == 0 ? ", none of these pictures calibrated on"
                : ", IN SAMPLE: " + seen + " of these pictures were calibrated on"));
        out.println("fixed 0.35: the thresholds before calibration (0.35 for objects, 0.40 for person, 0.60 for drawing)");
        out.println("single: the one threshold best for these very pictures (tuned on them: for comparison, not a result)");
        out.printf(Locale.ROOT, "out of fold: thresholds calibrated on the other folds only (%d folds by group, seed %d)%n", folds, seed);
        TagEvalTables.print(out, methods);
        TagEvalTables.mistakes(out, "shipped", methods.get(0).report());
        if (calibrate != null) {
            writeCalibration(out, scored, methods.get(methods.size() - 1).report());
        }
        return 0;
    }

    record Method(String name, TagEvaluation.Report report) {
    }

    private void writeCalibration(PrintWriter out, List<TagEvaluation.Scored> scored, TagEvaluation.Report outOfFold) throws IOException {
        CalibratedThresholds fitted = ThresholdCalibration.fit(scored);
        ObjectNode about = ThresholdsFile.newNode();
        ArrayNode sets = about.putArray("sets");
        for (int i = 0; i < images.size(); i++) {
            sets.add(images.get(i).getFileName().toString());
        }
        about.put("pictures", scored.size());
        about.put("folds", folds);
        about.put("seed", seed);
        about.put("ownThresholdFrom", "a class present in at least " + ThresholdCalibration.ownThresholdFrom() + " pictures");
        ObjectNode figures = about.putObject("outOfFold");
        figures.put("microPrecision", round(outOfFold.microPrecision()));
        figures.put("microRecall", round(outOfFold.microRecall()));
        figures.put("macroPrecision", round(outOfFold.macroPrecision()));
        figures.put("macroRecall", round(outOfFold.macroRecall()));
        ThresholdsFile.write(calibrate, fitted, about, scored.stream().map(s -> s.picture().file()).toList());
        out.printf(Locale.ROOT, "%nwrote %s: shared %.2f, own %s%n", calibrate, fitted.shared(), fitted.perClass());
    }

    private static double round(double v) {
        return Double.isNaN(v) ? 0 : Math.round(v * 1000) / 1000.0;
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "   -" : String.format(Locale.ROOT, "%4.0f", 100 * v);
    }
}
