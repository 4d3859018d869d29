package io.cutroom.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutroom.bench.MachineDescription;
import io.cutroom.eval.drawings.DrawingEvaluation;
import io.cutroom.eval.drawings.DrawingEvaluation.Counts;
import io.cutroom.eval.drawings.DrawingEvaluation.Looked;
import io.cutroom.eval.tags.LabelledPicture;
import io.cutroom.eval.tags.ThresholdsFile;
import io.cutroom.media.OutputFile;
import io.cutroom.vision.DrawingHead;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.VisionModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom eval drawing --images DIR}: drawing or photograph on labelled pictures, for the picture
 * classifier's own rule and for the drawing head (out of fold, and as shipped), per set and pooled, at the
 * {@code drawing} threshold. {@code --train FILE} fits the head on every picture given and writes it with
 * its provenance.
 */
@Command(name = "drawing", description = "Drawing or photograph on labelled pictures: the classifier's rule against the drawing head, out of fold.")
final class DrawingEval implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the tagger gives a still: the shipped head's probability times the detector's doubt. */
    private static final String SHIPPED = "shipped: head x doubt";
    private static final String OUT_OF_FOLD = "head x doubt, out of fold";

    @Mixin
    LabelledSets sets = new LabelledSets();

    @Option(names = "--train", paramLabel = "FILE.zip", description = "Train the head on all the pictures given and write it here,"
            + " with its provenance beside it (models/" + DrawingHead.MODEL + ".zip ships it).")
    Path train;

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
        List<String> setOfEach = new ArrayList<>();
        for (LabelledSets.Folder set : read) {
            List<LabelledPicture> judged = set.pictures().stream().filter(DrawingEvaluation::judged).toList();
            pictures.addAll(judged);
            judged.forEach(p -> setOfEach.add(set.name()));
            out.printf(Locale.ROOT, "set: %s, %d pictures (%d drawings) in %d groups%n", set.folder(), judged.size(),
                    judged.stream().filter(p -> p.present().contains(DrawingEvaluation.DRAWING)).count(),
                    judged.stream().map(LabelledPicture::group).distinct().count());
        }
        out.printf("machine: %s%n", MachineDescription.describe());
        VisionModels models = VisionModels.shared();
        long t0 = System.nanoTime();
        List<Looked> looked = DrawingEvaluation.look(models, pictures, setOfEach);
        out.printf(Locale.ROOT, "looked at %d pictures in %.1f s%n", looked.size(), (System.nanoTime() - t0) / 1e9);

        Map<String, double[]> methods = new LinkedHashMap<>();
        methods.put("classifier's rule", looked.stream().mapToDouble(l -> l.classifierDrawn() * l.doubt()).toArray());
        double[] oof = DrawingEvaluation.outOfFold(looked, sets.folds, sets.seed);
        methods.put("head, out of fold", oof);
        double[] oofDoubt = new double[oof.length];
        for (int i = 0; i < oof.length; i++) oofDoubt[i] = oof[i] * looked.get(i).doubt();
        methods.put(OUT_OF_FOLD, oofDoubt);
        int trainedOn = shippedHead(models, looked, methods);
        double threshold = TagThresholds.defaultOf(DrawingEvaluation.DRAWING);

        out.println();
        out.println("classifier's rule: MobileNetV2's Drawing + Hentai classes, times the detector's doubt (the rule before the head)");
        out.printf(Locale.ROOT, "head, out of fold: logistic regression on its 1280 features, trained on the other folds only (%d folds by group, seed %d)%n", sets.folds, sets.seed);
        out.println("x doubt: times the detector's doubt (1 unless it is sure of a real thing, falling to 0 at a score of 1)");
        if (methods.containsKey(SHIPPED)) {
            out.println("shipped: models/" + DrawingHead.MODEL + ".zip as the tagger uses it, " + (trainedOn == 0 ? "none of these pictures trained on"
                    : "IN SAMPLE: " + trainedOn + " of these pictures were trained on"));
        }
        table(out, looked, methods, setOfEach.stream().distinct().toList(), threshold);
        mistakes(out, looked, methods, methods.containsKey(SHIPPED) && trainedOn == 0 ? SHIPPED : OUT_OF_FOLD, threshold);
        if (train != null) {
            write(out, looked, DrawingEvaluation.count(looked, oofDoubt, threshold, null));
        }
        return 0;
    }

    /** Precision, recall and wrong drawings of every method, pooled and per set. */
    private static void table(PrintWriter out, List<Looked> looked, Map<String, double[]> methods, List<String> setNames,
                              double threshold) {
        out.printf(Locale.ROOT, "%nat the drawing threshold %.2f        |     all pictures          |", threshold);
        for (String s : setNames) out.printf(Locale.ROOT, " %-22s |", shorten(s, 22));
        out.println();
        out.printf(Locale.ROOT, "%-32s | %5s %5s %5s %6s |", "method", "P%", "R%", "acc%", "wrong");
        for (String s : setNames) out.printf(Locale.ROOT, " %5s %5s %10s |", "P%", "R%", "wrong/miss");
        out.println();
        for (Map.Entry<String, double[]> m : methods.entrySet()) {
            Counts all = DrawingEvaluation.count(looked, m.getValue(), threshold, null);
            out.printf(Locale.ROOT, "%-32s | %s %s %s %6d |", m.getKey(), pct(all.precision()), pct(all.recall()), pct(all.accuracy()), all.wrong());
            for (String s : setNames) {
                Counts c = DrawingEvaluation.count(looked, m.getValue(), threshold, s);
                out.printf(Locale.ROOT, " %s %s %10s |", pct(c.precision()), pct(c.recall()), c.wrong() + "/" + c.missed());
            }
            out.println();
        }
    }

    /** Every picture the {@code listed} method gets wrong, with the classifier's rule beside it. */
    private static void mistakes(PrintWriter out, List<Looked> looked, Map<String, double[]> methods, String listed, double threshold) {
        out.printf(Locale.ROOT, "%nmistakes of the %s at %.2f (the classifier's rule beside it)%n", listed, threshold);
        double[] chosen = methods.get(listed);
        double[] rule = methods.get("classifier's rule");
        for (int i = 0; i < looked.size(); i++) {
            Looked l = looked.get(i);
            if (l.drawing() != chosen[i] >= threshold) {
                out.printf(Locale.ROOT, "  %-44s %-10s %.2f   rule %.2f%n", shorten(l.set() + "/" + l.picture().file().getFileName(), 44),
                        l.drawing() ? "missed" : "wrong", chosen[i], rule[i]);
            }
        }
    }

    /** Adds the shipped head's figures when there is one; returns how many of the pictures it was trained on. */
    private static int shippedHead(VisionModels models, List<Looked> looked, Map<String, double[]> methods) throws ModelException {
        DrawingHead head;
        try {
            head = models.drawings();
        } catch (ModelException e) {
            return 0;
        }
        double[] shipped = head.probabilities(looked.stream().map(Looked::embedding).toList());
        for (int i = 0; i < shipped.length; i++) shipped[i] *= looked.get(i).doubt();
        methods.put(SHIPPED, shipped);
        return ThresholdsFile.listedIn(models.files().folder().resolve(DrawingHead.MODEL + ".json"), "/sha256",
                looked.stream().map(Looked::picture).toList());
    }

    /** Trains the head on every picture and writes it and its provenance, each by way of a partial file. */
    private void write(PrintWriter out, List<Looked> looked, Counts outOfFold) throws IOException, ModelException {
        byte[] model = DrawingEvaluation.train(looked, sets.seed).toBytes();
        OutputFile.write(train, stream -> stream.write(model));
        String modelSha = ModelFiles.sha256(train);
        ObjectNode root = JSON.createObjectNode();
        root.put("comment", "Provenance of the drawing head, written by cutroom eval drawing --train; see MODEL_CARD.md.");
        root.put("model", train.getFileName().toString());
        root.put("used", "a still is tagged drawing at 0.6 or more of the head's probability times the detector's doubt");
        root.put("modelSha256", modelSha);
        ArrayNode setNames = root.putArray("sets");
        sets.names().forEach(setNames::add);
        root.put("pictures", looked.size());
        root.put("drawings", looked.stream().filter(Looked::drawing).count());
        root.put("folds", sets.folds);
        root.put("seed", sets.seed);
        ObjectNode figures = root.putObject("outOfFold");
        figures.put("method", OUT_OF_FOLD);
        figures.put("threshold", TagThresholds.defaultOf(DrawingEvaluation.DRAWING));
        figures.put("precision", Math.round(outOfFold.precision() * 1000) / 1000.0);
        figures.put("recall", Math.round(outOfFold.recall() * 1000) / 1000.0);
        figures.put("accuracy", Math.round(outOfFold.accuracy() * 1000) / 1000.0);
        ArrayNode hashes = root.putArray("sha256");
        for (Looked l : looked) hashes.add(ModelFiles.sha256(l.picture().file()));
        Path about = train.resolveSibling(train.getFileName().toString().replaceFirst("\\.zip$", "") + ".json");
        OutputFile.write(about, stream -> JSON.writerWithDefaultPrettyPrinter().writeValue(stream, root));
        out.printf(Locale.ROOT, "%nwrote %s (SHA-256 %s) and %s%n", train, modelSha, about.getFileName());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "    -" : String.format(Locale.ROOT, "%5.0f", 100 * v);
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
    }
}
