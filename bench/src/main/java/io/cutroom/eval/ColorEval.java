package io.cutroom.eval;

import io.cutroom.bench.BenchFiles;
import io.cutroom.bench.MachineDescription;
import io.cutroom.cli.CutroomCli;
import io.cutroom.color.ColorCast;
import io.cutroom.eval.color.CastEvaluation;
import io.cutroom.eval.color.ColorDataset;
import io.cutroom.eval.color.DatasetEvaluation;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.ProbeException;
import io.cutroom.media.StillMetadata;
import io.cutroom.media.ThumbnailMaker;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
import java.util.stream.Stream;
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
    private static final List<String> PICTURE_TYPES = List.of(".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp");

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
        List<Path> files;
        try (Stream<Path> walk = Files.walk(images)) {
            files = walk.filter(Files::isRegularFile).filter(ColorEval::isPicture).sorted().toList();
        }
        List<ColorCast> casts = ColorCast.evaluationSet();
        Path work = Files.createTempDirectory("cutroom-eval-color");
        CastEvaluation evaluation = new CastEvaluation(Ffmpeg.ffmpegExecutable(), work);
        Tally all = new Tally(evaluation.methods());
        Tally distinct = new Tally(evaluation.methods());
        List<float[]> seen = new ArrayList<>();
        List<String> seenNames = new ArrayList<>();
        out.printf("machine: %s%n", MachineDescription.describe());
        out.printf(Locale.ROOT, "casts (linear RGB, 2.2 transfer, relative to 6504 K): %s%n",
                String.join(", ", casts.stream().map(ColorCast::name).toList()));
        int used = 0;
        try {
            for (Path file : files) {
                BufferedImage picture;
                try {
                    picture = new ThumbnailMaker().upright(file, StillMetadata.read(file).orientation(), size);
                } catch (ProbeException e) {
                    out.println("skipped " + images.relativize(file) + ": " + e.getMessage());
                    continue;
                }
                CastEvaluation.PictureResult result = evaluation.evaluate(picture, casts);
                all.add(result);
                float[] signature = signature(picture);
                int twin = -1;
                for (int i = 0; i < seen.size() && twin < 0; i++) {
                    if (sameContent(seen.get(i), signature)) {
                        twin = i;
                    }
                }
                if (twin < 0) {
                    distinct.add(result);
                    seen.add(signature);
                    seenNames.add(images.relativize(file).toString());
                }
                used++;
                out.printf(Locale.ROOT, "%-40s cutroom median %5.2f°  added %5.2f°%s%n", images.relativize(file),
                        CastEvaluation.Summary.of(result.castErrors().get(CastEvaluation.CUTROOM)).median(),
                        result.addedError().get(CastEvaluation.CUTROOM), twin < 0 ? "" : "  (same picture as " + seenNames.get(twin) + ")");
                out.flush();
            }
        } finally {
            BenchFiles.deleteTree(work);
        }
        out.printf(Locale.ROOT, "%ninputs: %d pictures from %s, %d casts each, scaled to %d px%n", used, images.getFileName(),
                casts.size(), size);
        all.print(out, "all " + used + " pictures, " + used * casts.size() + " cast pictures");
        if (seen.size() < used) {
            distinct.print(out, seen.size() + " distinct pictures (copies that differ only in orientation counted once)");
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

    /** A 16x16 grey thumbnail: pictures that match it closely are the same photo. */
    private static float[] signature(BufferedImage picture) {
        BufferedImage small = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, 16, 16, null);
        g.dispose();
        float[] values = new float[256];
        for (int i = 0; i < 256; i++) {
            int p = small.getRGB(i % 16, i / 16);
            values[i] = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 765f;
        }
        return values;
    }

    private static boolean sameContent(float[] a, float[] b) {
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += Math.abs(a[i] - b[i]);
        }
        return diff / a.length < 0.02;
    }

    private static boolean isPicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return PICTURE_TYPES.stream().anyMatch(name::endsWith);
    }
}
