package io.cutroom.cli;

import io.cutroom.color.AutoColor;
import io.cutroom.color.ShotColor;
import io.cutroom.color.ShotColorJson;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.media.OutputFile;
import io.cutroom.media.ProbeException;
import io.cutroom.media.StillMetadata;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.GradePreview;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom color-image FILE --auto [--out FILE.png] [--json]}: auto white balance and exposure for one
 * still, without a catalog. {@code --json} prints the estimated illuminant (linear RGB, summing to 1), the
 * gains and the exposure.
 */
@Command(name = "color-image", description = "Auto-correct one still image without a catalog.")
final class ColorImageCommand implements Callable<Integer> {
    /** Stills are corrected at up to this size on the long side. */
    static final int MAX_SIDE = 8192;

    @Parameters(index = "0", paramLabel = "FILE", description = "A still image (JPEG, PNG, ...).")
    Path file;

    @Option(names = "--auto", required = true, description = "Estimate and correct white balance and exposure.")
    boolean auto;

    @Option(names = "--out", paramLabel = "FILE.png", description = "Write the corrected picture (PNG).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the output if it exists.")
    boolean overwrite;

    @Option(names = "--json", description = "Print {illuminant, gains, confidence, castDeg, exposure, contrast} as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("cutroom: " + file + " is not a file.");
            return CutroomCli.EXIT_ERROR;
        }
        if (out != null && Files.exists(out) && !overwrite) {
            err.println("cutroom: " + out + " already exists; add --overwrite to replace it.");
            return CutroomCli.EXIT_ERROR;
        }
        try {
            BufferedImage picture = new ThumbnailMaker().upright(file, StillMetadata.read(file).orientation(), MAX_SIDE);
            ShotColor measured = new AutoColor().analyseStill(picture, null);
            Grade grade = AutoColor.toGrade(Grade.NEUTRAL, List.of(measured)).at(0);
            if (out != null) {
                try {
                    write(new GradePreview(grade).apply(picture), out);
                } catch (IOException e) {
                    err.println("cutroom: " + ErrorSentence.of(e)); // the correction worked; saving it did not
                    return CutroomCli.EXIT_ERROR;
                }
            }
            Map<String, Object> m = ShotColorJson.of(measured);
            Map<String, Object> result = new LinkedHashMap<>();
            for (String key : List.of("illuminant", "gains", "confidence", "strength", "reliability", "castDeg", "cueSpreadDeg", "exposure", "contrast")) {
                result.put(key, m.get(key));
            }
            if (out != null) {
                result.put("out", out.toString());
            }
            if (json) {
                stdout.println(Json.write(result));
            } else {
                stdout.printf(Locale.ROOT, "illuminant %s, cast %.1f°, confidence %.2f, gains %s, exposure %+.2f EV, contrast %.2f%s%n",
                        m.get("illuminant"), (double) m.get("castDeg"), (double) m.get("confidence"), m.get("gains"),
                        (double) m.get("exposure"), (double) m.get("contrast"), out == null ? "" : "; wrote " + out);
            }
            return 0;
        } catch (ProbeException e) {
            err.println("cutroom: " + file.getFileName() + " could not be corrected: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        }
    }

    /** Writes beside the target and moves into place: a failed write never leaves a half picture under the name. */
    static void write(BufferedImage picture, Path target) throws IOException {
        OutputFile.write(target, stream -> {
            try (ImageOutputStream png = new MemoryCacheImageOutputStream(stream)) {
                if (!ImageIO.write(picture, "png", png)) {
                    throw new IOException("no PNG writer is available");
                }
            }
        });
    }
}
