package io.cutroom.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutroom.bench.MachineDescription;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    @Mixin
    LabelledSets sets = new LabelledSets();

    @Option(names = "--calibrate", paramLabel = "FILE", description = "Fit the thresholds on all the pictures given and write them here"
            + " (models/" + ShippedThresholds.FILE + " ships them).")
    Path calibrate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LabelledSets.Folder> read = sets.read(err);
        if (read == null) {
            return sets.failure();
        }
        List<LabelledPicture> pictures = new ArrayList<>();
        for (LabelledSets.Folder set : read) {
            pictures.addAll(set.pictures());
            out.printf(Locale.ROOT, "set: %s, %d pictures in %d groups, labels %s%n", set.folder(), set.pictures().size(),
                    set.pictures().stream().map(LabelledPicture::group).distinct().count(), set.labels().getFileName());
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
                new Method("out of fold", TagEvaluation.outOfFold(scored, sets.folds, sets.seed)));
        out.println();
        out.println("shipped: models/" + ShippedThresholds.FILE + (seen == 0 ? ", none of these pictures calibrated on"
                : ", IN SAMPLE: " + seen + " of these pictures were calibrated on"));
        out.println("fixed 0.35: the thresholds before calibration (0.35 for objects, 0.40 for person, 0.60 for drawing)");
        out.println("single: the one threshold best for these very pictures (tuned on them: for comparison, not a result)");
        out.printf(Locale.ROOT, "out of fold: thresholds calibrated on the other folds only (%d folds by group, seed %d)%n", sets.folds, sets.seed);
        TagEvalTables.print(out, methods);
        if (read.size() > 1) {
            perSet(out, read, scored, single);
        }
        TagEvalTables.mistakes(out, "shipped", methods.get(0).report());
        if (calibrate != null) {
            writeCalibration(out, scored, methods.get(methods.size() - 1).report());
        }
        return 0;
    }

    record Method(String name, TagEvaluation.Report report) {
    }

    /** Each set's own figures, the out-of-fold ones with thresholds calibrated on every other fold of all the sets. */
    private void perSet(PrintWriter out, List<LabelledSets.Folder> read, List<TagEvaluation.Scored> scored, double single) {
        out.printf("%nper set, COCO objects only (drawing left out):%n");
        for (LabelledSets.Folder set : read) {
            Set<LabelledPicture> members = new HashSet<>(set.pictures());
            Predicate<TagEvaluation.Scored> inSet = s -> members.contains(s.picture());
            List<TagEvaluation.Scored> own = scored.stream().filter(inSet).toList();
            List<Method> methods = List.of(
                    new Method("shipped", TagEvaluation.evaluate(own, TagEvaluation.classes(scored), TagThresholds::defaultOf)),
                    new Method("fixed 0.35", TagEvaluation.evaluate(own, TagEvaluation.classes(scored), TagThresholds::fixedDefaultOf)),
                    new Method(String.format(Locale.ROOT, "single %.2f", single), TagEvaluation.evaluate(own, TagEvaluation.classes(scored), tag -> single)),
                    new Method("out of fold", TagEvaluation.outOfFold(scored, sets.folds, sets.seed, inSet)));
            TagEvalTables.objectsRow(out, set.folder().toString(), own.size(), methods);
        }
    }

    private void writeCalibration(PrintWriter out, List<TagEvaluation.Scored> scored, TagEvaluation.Report outOfFold) throws IOException {
        CalibratedThresholds fitted = ThresholdCalibration.fit(scored);
        ObjectNode about = ThresholdsFile.newNode();
        ArrayNode setNames = about.putArray("sets");
        sets.names().forEach(setNames::add);
        about.put("pictures", scored.size());
        about.put("folds", sets.folds);
        about.put("seed", sets.seed);
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
