package io.cutroom.cli;

import io.cutroom.catalog.ShotTag;
import io.cutroom.media.ProbeException;
import io.cutroom.media.StillMetadata;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.vision.FrameSampler;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ShotTagger;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.VisionModels;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cutroom tag-image FILE [--json]}: tags one still, without a catalog. */
@Command(name = "tag-image", description = "Tag one still image without a catalog.")
final class TagImageCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A still image (JPEG, PNG, ...).")
    Path file;

    @Option(names = "--json", description = "Print a JSON array of {tag, confidence, startSec, endSec, model, shot}.")
    boolean json;

    @Option(names = "--all", description = "Include tags below their thresholds.")
    boolean all;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("cutroom: " + file + " is not a file.");
            return CutroomCli.EXIT_ERROR;
        }
        try {
            BufferedImage picture = new ThumbnailMaker().upright(file, StillMetadata.read(file).orientation(), FrameSampler.BOX);
            TagThresholds thresholds = TagThresholds.defaults();
            List<ShotTag> tags = new ShotTagger(VisionModels.shared(), thresholds)
                    .tagStill(0, picture).tags().stream()
                    .filter(t -> all || thresholds.passes(t))
                    .sorted((a, b) -> Double.compare(b.confidence(), a.confidence())).toList();
            if (json) {
                out.println(Json.write(tags.stream().map(TagJson::of).toList()));
            } else {
                for (ShotTag t : tags) out.printf(Locale.ROOT, "%-16s %5.1f%%  %s%n", t.tag(), t.confidence() * 100, t.model());
            }
            return 0;
        } catch (ProbeException | ModelException e) {
            err.println("cutroom: " + file.getFileName() + " could not be tagged: " + e.getMessage());
            return CutroomCli.EXIT_ERROR;
        }
    }
}
