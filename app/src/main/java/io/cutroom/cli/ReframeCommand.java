package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.catalog.ShotRepository;
import io.cutroom.exports.ExportJob;
import io.cutroom.jobs.JobContext;
import io.cutroom.jobs.JobHandle;
import io.cutroom.jobs.JobRunner;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.render.RenderResult;
import io.cutroom.reframe.Reframer;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.VisionModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cutroom reframe ID --aspect 9:16 [--json] [--out FILE]}: reframes a catalog clip, stores the track
 * with the signals that produced it, and with {@code --out} renders it through the pipeline.
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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try (CatalogDb db = catalog.open()) {
            Asset asset = CatalogOptions.findOrSay(db, id, err);
            if (asset == null) return CutroomCli.EXIT_ERROR;
            if (!asset.isReady()) {
                err.println("cutroom: " + asset.fileName() + " could not be read when imported: " + asset.error());
                return CutroomCli.EXIT_ERROR;
            }
            Reframer.Result result;
            try {
                var shots = new ShotRepository(db).storedOrDetected(asset.id(), asset.path(), JobContext.NONE);
                result = new Reframer(VisionModels.shared()).reframe(asset.path(), asset.info(), shots,
                        options.aspectRatio(), options.motionStyle(), options.signalWeights(), JobContext.NONE);
            } catch (IllegalArgumentException e) {
                err.println("cutroom: " + e.getMessage());
                return CutroomCli.EXIT_ERROR;
            } catch (ProbeException | ModelException e) {
                err.println("cutroom: " + asset.fileName() + " could not be reframed: " + e.getMessage());
                return CutroomCli.EXIT_ERROR;
            }
            new ReframeRepository(db).save(new ReframeRepository.Stored(asset.id(), result.aspect().toString(),
                    result.style().id(), Json.write(result.weights().asMap()), result.plan().track().toJson(),
                    result.shotsJson(), result.signalsJson(), "[]", "[]", Instant.now()));
            options.print(result, spec.commandLine().getOut());
            return out == null ? 0 : render(db, asset, result, err);
        }
    }

    private int render(CatalogDb db, Asset asset, Reframer.Result result, PrintWriter err) throws InterruptedException {
        RenderRequest request = new RenderRequest(asset.path(), out, RenderPreset.forAspect(result.aspect()), result.aspect(),
                result.plan().track(), null, null, overwrite);
        TerminalProgress progress = new TerminalProgress(err);
        try (JobRunner runner = JobRunner.sameThread()) {
            JobHandle<RenderResult> handle = runner.submit(JobRunner.Lane.RENDER, new ExportJob(db, asset.id(), request), progress);
            RenderResult rendered = handle.result().get();
            progress.clear();
            spec.commandLine().getOut().printf(Locale.ROOT, "rendered %s %dx%d %d frames in %.1f s%n", rendered.output(),
                    rendered.width(), rendered.height(), rendered.frames(), rendered.wallSeconds());
            return 0;
        } catch (ExecutionException e) {
            progress.clear();
            err.println("cutroom: " + UserMessages.of(e.getCause()));
            return CutroomCli.EXIT_ERROR;
        }
    }
}
