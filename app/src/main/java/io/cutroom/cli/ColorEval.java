package io.cutroom.cli;

import io.cutroom.color.CastEvaluation;
import io.cutroom.color.ColorCast;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.ProbeException;
import io.cutroom.media.StillMetadata;
import io.cutroom.media.ThumbnailMaker;
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
import picocli.CommandLine.Option;

/**
 * {@code cutroom eval color --images DIR}: known casts on every picture in DIR, taken out by Cutroom's auto
 * white balance and by FFmpeg's grayworld and greyedge filters in the same run, plus no correction.
 */
@Command(name = "color", description = "Auto white balance against FFmpeg's filters on pictures under known casts.")
final class ColorEval implements Callable<Integer> {
    private static final List<String> PICTURE_TYPES = List.of(".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp");

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "A folder of balanced photos (searched recursively).")
    Path images;

    @Option(names = "--size", defaultValue = "512", description = "Pictures are scaled to this many pixels on the long side (default: ${DEFAULT-VALUE}).")
    int size;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        Map<String, List<Double>> castErrors = new LinkedHashMap<>();
        Map<String, List<Double>> addedErrors = new LinkedHashMap<>();
        for (String method : evaluation.methods()) {
            castErrors.put(method, new ArrayList<>());
            addedErrors.put(method, new ArrayList<>());
        }
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
                result.castErrors().forEach((method, errors) -> castErrors.get(method).addAll(errors));
                result.addedError().forEach((method, error) -> addedErrors.get(method).add(error));
                used++;
                out.printf(Locale.ROOT, "%-40s cutroom median %5.2f°  added %5.2f°%n", images.relativize(file),
                        CastEvaluation.Summary.of(result.castErrors().get(CastEvaluation.CUTROOM)).median(),
                        result.addedError().get(CastEvaluation.CUTROOM));
                out.flush();
            }
        } finally {
            BenchFiles.deleteTree(work);
        }
        out.printf(Locale.ROOT, "%ninputs: %d pictures from %s, %d casts each, scaled to %d px%n%n", used, images.getFileName(),
                casts.size(), size);
        out.printf("%-40s %7s %7s %9s %14s %14s%n", "method", "mean", "median", "worst25%", "added (mean)", "added (max)");
        for (String method : evaluation.methods()) {
            CastEvaluation.Summary s = CastEvaluation.Summary.of(castErrors.get(method));
            CastEvaluation.Summary a = CastEvaluation.Summary.of(addedErrors.get(method));
            double worstAdded = addedErrors.get(method).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-40s %6.2f° %6.2f° %8.2f° %13.2f° %13.2f°%n", method, s.mean(), s.median(),
                    s.worstQuarter(), a.mean(), worstAdded);
        }
        return 0;
    }

    private static boolean isPicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return PICTURE_TYPES.stream().anyMatch(name::endsWith);
    }
}
