package io.cutroom.cli;

import io.cutroom.catalog.ShotTag;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutroom tag-image FILE [--json]}: tags one still, without a catalog. */
@Command(name = "tag-image", description = "Tag one still image without a catalog.")
final class TagImageCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A still image (JPEG, PNG, ...).")
    Path file;

    @Option(names = "--json", description = "Print a JSON array of {tag, confidence, startSec, endSec, model, shot}.")
    boolean json;

    @Option(names = "--all", description = "Include tags below their thresholds.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("cutroom: " + file + " is not a file.");
            return CutroomCli.EXIT_ERROR;
        }
        // The networks load on first use, which takes seconds: a bar says so, and Ctrl+C stops before any output.
        try (CommandContext ctx = CommandContext.open(err)) {
            ctx.progress(0, 2, "Reading " + file.getFileName());
            BufferedImage picture = new ThumbnailMaker().upright(file, StillMetadata.read(file).orientation(), FrameSampler.BOX);
            ctx.checkCancelled();
            ctx.progress(1, 2, "Tagging with the networks");
            TagThresholds thresholds = TagThresholds.defaults();
            List<ShotTag> tags = new ShotTagger(VisionModels.shared(), thresholds)
                    .tagStill(0, picture).tags().stream()
                    .filter(t -> all || thresholds.passes(t))
                    .sorted((a, b) -> Double.compare(b.confidence(), a.confidence())).toList();
            ctx.checkCancelled();
            ctx.clearBar();
            if (json) {
                out.println(Json.write(tags.stream().map(TagJson::of).toList()));
            } else {
                for (ShotTag t : tags) out.printf(Locale.ROOT, "%-16s %5.1f%%  %s%n", t.tag(), t.confidence() * 100, t.model());
            }
            return 0;
        } catch (JobCancelledException e) {
            err.println("cutroom: cancelled; nothing was tagged.");
            return CutroomCli.EXIT_CANCELLED;
        } catch (ProbeException | ModelException e) {
            err.println("cutroom: " + file.getFileName() + " could not be tagged: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        }
    }
}
