package io.cutroom.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutroom.bench.MachineDescription;
import io.cutroom.cli.CutroomCli;
import io.cutroom.color.ColorCast;
import io.cutroom.color.CorrectionReliability;
import io.cutroom.color.LinearImage;
import io.cutroom.eval.color.BalancedPictures;
import io.cutroom.eval.color.CastEvaluation;
import io.cutroom.eval.color.ColorDataset;
import io.cutroom.eval.color.ReliabilityEvaluation;
import io.cutroom.eval.color.ReliabilityEvaluation.Example;
import io.cutroom.media.OutputFile;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom eval wb-reliability}: how often auto white balance's corrections help, learned from pictures
 * whose light is known ({@link CorrectionReliability}), reported out of fold beside the evidence alone and no
 * correction; {@code --train FILE} fits it on every picture given and writes it with its provenance.
 */
@Command(name = "wb-reliability", description = "Auto white balance's learned reliability, out of fold, against the evidence alone.")
final class WbReliabilityEval implements Callable<Integer> {
    static final String NONE = "no correction";
    static final String EVIDENCE = "evidence alone (no reliability)";
    static final String OUT_OF_FOLD = "with reliability, out of fold";
    static final String SHIPPED = "with the shipped reliability";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--dataset", paramLabel = "DIR", description = "Colour-constancy sets (INTEL-TAU layout), made neutral and cast as in eval color.")
    List<Path> datasets = new ArrayList<>();

    @Option(names = "--images", paramLabel = "DIR", description = "Folders of balanced pictures, put under eval color's nine casts.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--folds", defaultValue = "5", description = "Folds by picture (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the folds and the fit (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "512", description = "Balanced pictures are scaled to this many pixels on the long side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--balanced-weight", paramLabel = "W", description = "How many degrees of cast left in a degree of harm to a balanced picture counts as (default: ${DEFAULT-VALUE}).")
    double balancedWeight = ReliabilityEvaluation.BALANCED_WEIGHT;

    @Option(names = "--train", paramLabel = "FILE.json", description = "Fit on every picture given and write the model and its provenance here.")
    Path train;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (datasets.isEmpty() && images.isEmpty()) {
            err.println("cutroom: give at least one --dataset DIR or --images DIR.");
            return 2;
        }
        if (folds < 2) {
            err.println("cutroom: --folds must be 2 or more.");
            return 2;
        }
        List<Example> examples = new ArrayList<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        try {
            for (Path dir : datasets) {
                String set = dir.getFileName().toString();
                for (ColorDataset.Scene scene : ColorDataset.read(dir)) {
                    examples.addAll(ReliabilityEvaluation.weigh(set, scene.name(), ColorDataset.casts(),
                            cast -> LinearImage.of(ColorDataset.picture(scene, cast.factors()))));
                    sources.put(set + "/" + scene.name(), dir.resolve(scene.name()));
                }
            }
            for (Path dir : images) {
                if (!Files.isDirectory(dir)) {
                    err.println("cutroom: " + dir + " is not a folder.");
                    return CutroomCli.EXIT_ERROR;
                }
                String set = dir.getFileName().toString();
                List<BalancedPictures.Picture> pictures = BalancedPictures.read(dir, size, skipped -> out.println("skipped " + skipped));
                for (BalancedPictures.Picture p : pictures) {
                    // Copies of one photo share the first one's name, so they stay in one fold.
                    String group = pictures.get(p.copyOf()).name();
                    examples.addAll(ReliabilityEvaluation.weigh(set, group, ColorCast.evaluationSet(),
                            cast -> LinearImage.of(CastEvaluation.apply(p.image(), cast.factors()))));
                    sources.put(set + "/" + p.name(), p.file());
                }
            }
        } catch (IOException e) {
            err.println("cutroom: the pictures could not be read: " + e.getMessage());
            return CutroomCli.EXIT_ERROR;
        }
        Map<String, double[]> methods = new LinkedHashMap<>();
        methods.put(NONE, new double[examples.size()]);
        double[] full = new double[examples.size()];
        Arrays.fill(full, 1);
        methods.put(EVIDENCE, full);
        methods.put(OUT_OF_FOLD, ReliabilityEvaluation.outOfFold(examples, folds, seed, balancedWeight));
        Optional<CorrectionReliability> shipped = CorrectionReliability.shipped();
        shipped.ifPresent(model -> methods.put(SHIPPED, ReliabilityEvaluation.under(examples, model)));
        out.printf("machine: %s%n", MachineDescription.describe());
        out.printf(Locale.ROOT, "inputs: %d pictures, %d weighed (each as it is and under each cast); %d folds by picture, seed %d;"
                + " a balanced picture's harm weighs %.1f times a cast left in%n", sources.size(), examples.size(), folds, seed,
                balancedWeight);
        shipped.ifPresent(model -> out.println("shipped: models/" + CorrectionReliability.FILE + ", "
                + trainedOnNote(sources)));
        Set<String> sets = new LinkedHashSet<>();
        examples.forEach(e -> sets.add(e.set()));
        for (String set : sets) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) if (examples.get(i).set().equals(set)) rows.add(i);
            print(out, set, examples, rows, methods);
        }
        if (train != null) {
            write(out, examples, sources, methods.get(OUT_OF_FOLD), sets);
        }
        return 0;
    }

    private static void print(PrintWriter out, String title, List<Example> examples, List<Integer> rows, Map<String, double[]> methods) {
        out.printf("%n%s: %d pictures under %d casts and as they are%n", title,
                rows.stream().filter(i -> examples.get(i).balanced()).count(),
                rows.stream().map(i -> examples.get(i).cast()).distinct().count() - 1);
        out.printf("%-36s %10s %10s | %9s %9s %9s | %9s %9s %9s%n", "method", "added mean", "added max", "cast mean",
                "median", "worst25%", "all mean", "median", "worst25%");
        for (Map.Entry<String, double[]> m : methods.entrySet()) {
            Figures f = Figures.of(examples, rows, m.getValue());
            out.printf(Locale.ROOT, "%-36s %9.2f° %9.2f° | %8.2f° %8.2f° %8.2f° | %8.2f° %8.2f° %8.2f°%n", m.getKey(),
                    f.added().mean(), f.addedMax(), f.cast().mean(), f.cast().median(), f.cast().worstQuarter(),
                    f.all().mean(), f.all().median(), f.all().worstQuarter());
        }
    }

    /** The figures of one method on some examples: balanced pictures as they are, cast ones, and both. */
    record Figures(CastEvaluation.Summary added, double addedMax, CastEvaluation.Summary cast, CastEvaluation.Summary all) {
        static Figures of(List<Example> examples, List<Integer> rows, double[] share) {
            List<Double> added = new ArrayList<>();
            List<Double> cast = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            for (int i : rows) {
                double r = examples.get(i).residual(share[i]);
                (examples.get(i).balanced() ? added : cast).add(r);
                all.add(r);
            }
            return new Figures(CastEvaluation.Summary.of(added), added.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    CastEvaluation.Summary.of(cast), CastEvaluation.Summary.of(all));
        }
    }

    private static String trainedOnNote(Map<String, Path> sources) {
        try {
            Path about = ModelFiles.locate().folder().resolve(CorrectionReliability.FILE);
            Set<String> listed = new LinkedHashSet<>();
            JSON.readTree(about.toFile()).path("sha256").forEach(n -> listed.add(n.asText()));
            int seen = 0;
            for (Path file : sources.values()) if (listed.contains(ModelFiles.sha256(file))) seen++;
            return seen == 0 ? "none of these pictures trained on" : "IN SAMPLE: " + seen + " of these pictures were trained on";
        } catch (IOException | ModelException e) {
            return "what it was trained on is unknown";
        }
    }

    /** Fits on every example and writes the model with its provenance, by way of a partial file. */
    private void write(PrintWriter out, List<Example> examples, Map<String, Path> sources, double[] outOfFold, Set<String> sets)
            throws IOException, ModelException {
        CorrectionReliability model = ReliabilityEvaluation.train(examples, seed, balancedWeight);
        ObjectNode root = JSON.createObjectNode();
        root.put("comment", "Auto white balance's reliability, written by cutroom eval wb-reliability --train; see MODEL_CARD.md.");
        root.put("used", "a correction whose chance of helping is under 0.4 is dropped, one over 0.6 kept whole, eased between");
        ObjectNode m = root.putObject("model");
        ArrayNode names = m.putArray("features");
        CorrectionReliability.Features.NAMES.forEach(names::add);
        put(m.putArray("weights"), model.weights());
        m.put("bias", model.bias());
        put(m.putArray("mean"), model.mean());
        put(m.putArray("scale"), model.scale());
        ArrayNode setNames = root.putArray("sets");
        sets.forEach(setNames::add);
        root.put("pictures", sources.size());
        root.put("examples", examples.size());
        root.put("balancedWeight", balancedWeight);
        root.put("folds", folds);
        root.put("seed", seed);
        ObjectNode figures = root.putObject("outOfFold");
        for (String set : sets) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) if (examples.get(i).set().equals(set)) rows.add(i);
            Figures f = Figures.of(examples, rows, outOfFold);
            ObjectNode s = figures.putObject(set);
            s.put("addedMeanDeg", round(f.added().mean()));
            s.put("addedMaxDeg", round(f.addedMax()));
            s.put("castMeanDeg", round(f.cast().mean()));
            s.put("allMedianDeg", round(f.all().median()));
            s.put("allMeanDeg", round(f.all().mean()));
            s.put("allWorstQuarterDeg", round(f.all().worstQuarter()));
        }
        ArrayNode hashes = root.putArray("sha256");
        for (Path file : sources.values()) hashes.add(ModelFiles.sha256(file));
        OutputFile.write(train, stream -> JSON.writerWithDefaultPrettyPrinter().writeValue(stream, root));
        out.printf(Locale.ROOT, "%nwrote %s (SHA-256 %s)%n", train, ModelFiles.sha256(train));
    }

    private static void put(ArrayNode array, double[] values) {
        for (double v : values) array.add(v);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
