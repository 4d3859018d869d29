package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.reframe.Reframer;
import io.cutroom.usecases.Workspace;
import io.cutroom.vision.ModelException;
import io.cutroom.worker.WorkerException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom reframe ID --aspect 9:16 [--json] [--out FILE]}: reframes a catalog clip as the studio does
 * (the editor's corrections for that shape are kept), stores the track with the signals that produced it,
 * and with {@code --out} renders it through the pipeline.
 */
@Command(name = "reframe", description = "Reframe a catalog clip for another shape; store, print or render the crop track.")
final class ReframeCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "ID", description = "Asset id of a video.")
    long id;

    @Mixin
    ReframeOptions options;

    @Option(names = "--out", paramLabel = "FILE", description = "Render the reframed clip to this file.")
    Path out;

    @Option(names = "--overwrite", description = "Replace FILE if it exists.")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (CatalogDb db = catalog.open()) {
            Asset asset = CatalogOptions.findOrSay(db, id, err);
            if (asset == null) return CutroomCli.EXIT_ERROR;
            if (!asset.isReady()) {
                err.println("cutroom: " + asset.fileName() + " could not be read when imported: " + asset.error());
                return CutroomCli.EXIT_ERROR;
            }
            Reframer.Result result;
            try (CommandContext ctx = CommandContext.open(err)) {
                result = new Workspace(db).reframe(asset, options.aspectRatio(), options.motionStyle(), options.signalWeights(),
                        options.widening()).job().run(ctx).result();
            } catch (JobCancelledException e) {
                err.println("cutroom: cancelled; the clip's stored reframe is as it was.");
                return CutroomCli.EXIT_CANCELLED;
            } catch (IllegalArgumentException e) {
                err.println("cutroom: " + ErrorSentence.of(e));
                return CutroomCli.EXIT_ERROR;
            } catch (ProbeException | ModelException | WorkerException e) {
                err.println("cutroom: " + asset.fileName() + " could not be reframed: " + ErrorSentence.of(e));
                return CutroomCli.EXIT_ERROR;
            }
            options.print(result, spec.commandLine().getOut());
            if (out == null) return 0;
            RenderRequest request = new RenderRequest(asset.path(), out, RenderPreset.forAspect(result.aspect()),
                    result.aspect(), result.plan().track(), null, null, overwrite);
            return RenderCommand.renderAndReport(db, asset.id(), request, spec.commandLine().getOut(), err);
        }
    }
}
