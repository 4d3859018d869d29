package io.cutroom.cli;

import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ProbeException;
import io.cutroom.reframe.Reframer;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.VisionModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutroom reframe-file VIDEO --aspect 9:16 [--json]}: reframes a file without a catalog. */
@Command(name = "reframe-file", description = "Reframe a video file for another shape, without a catalog.")
final class ReframeFileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO", description = "A video file.")
    Path file;

    @Mixin
    ReframeOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("cutroom: " + file + " is not a file.");
            return CutroomCli.EXIT_ERROR;
        }
        try (CommandContext ctx = CommandContext.open(err)) {
            MediaInfo info = new JavaCvProbe().probe(file);
            if (info.kind() != MediaKind.VIDEO) {
                err.println("cutroom: " + file.getFileName() + " is " + info.kind().id() + ", not video: only videos can be reframed.");
                return CutroomCli.EXIT_ERROR;
            }
            // The shots are found in the analysis's own decoding pass.
            Reframer.Result result = new Reframer(VisionModels.shared()).reframe(file, info, null, options.aspectRatio(),
                    options.motionStyle(), options.signalWeights(), List.of(), List.of(), options.widening(), ctx);
            ctx.clearBar();
            options.print(result, spec.commandLine().getOut());
            return 0;
        } catch (JobCancelledException e) {
            err.println("cutroom: cancelled.");
            return CutroomCli.EXIT_CANCELLED;
        } catch (IllegalArgumentException e) {
            err.println("cutroom: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        } catch (ProbeException | ModelException e) {
            err.println("cutroom: " + file.getFileName() + " could not be reframed: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        }
    }
}
