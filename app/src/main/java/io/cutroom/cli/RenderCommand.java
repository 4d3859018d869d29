package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.cluster.WorkQueue;
import io.cutroom.catalog.CatalogException;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.render.RenderResult;
import io.cutroom.usecases.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom render ID --out FILE [--preset NAME] [--aspect 9:16|1:1|4:5|16:9] [--crop center|FILE.json]
 * [--grade FILE.json|FILE.cube | --no-grade] [--loudness LUFS]}: exits 0 with the output's path, or non-zero with one readable line.
 */
@Command(name = "render", description = "Render a catalog clip with a preset, crop track and grade.")
final class RenderCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "ID", description = "Asset id, as printed by import and list.")
    long id;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the result.")
    Path out;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "social-vertical, square, portrait, wide-1080p, master, proxy or web (default: from --aspect, else master).")
    String preset;

    @Option(names = "--aspect", paramLabel = "W:H", description = "Output shape: 9:16, 1:1, 4:5 or 16:9.")
    String aspect;

    @Option(names = "--crop", paramLabel = "center|FILE.json", defaultValue = "center",
            description = "A crop track (JSON), or center (default).")
    String crop;

    @Option(names = "--grade", paramLabel = "FILE.json|FILE.cube",
            description = "A grade (JSON) or a 3D LUT (.cube); default: the clip's stored grade (cutroom color).")
    Path grade;

    @Option(names = "--no-grade", description = "Render without any grade, not even the clip's stored one.")
    boolean noGrade;

    @Option(names = "--loudness", paramLabel = "LUFS",
            description = "Normalize integrated loudness to this target (-14 for social, -23 for broadcast), true peak at most -1 dBTP.")
    Double loudness;

    @Option(names = "--overwrite", description = "Replace FILE if it exists.")
    boolean overwrite;

    @Option(names = "--queue", description = "Queue the render for the studio's render nodes (cutroom node) instead of"
            + " rendering here; prints the batch's id for cutroom queue show.")
    boolean queue;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (CatalogDb db = catalog.open()) {
            Asset asset = CatalogOptions.findOrSay(db, id, err);
            if (asset == null) {
                return CutroomCli.EXIT_ERROR;
            }
            RenderRequest request;
            try {
                request = request(asset);
            } catch (IllegalArgumentException | IOException e) {
                err.println("cutroom: " + ErrorSentence.of(e));
                return CutroomCli.EXIT_ERROR;
            }
            if (queue) {
                try (WorkQueue work = new WorkQueue(db)) {
                    spec.commandLine().getOut().println("queued the render of " + id + " to "
                            + Format.printable(request.output().toString()) + " as batch " + work.render(id, request));
                }
                return 0;
            }
            return renderAndReport(db, id, request, spec.commandLine().getOut(), err);
        }
    }

    /** Renders with progress on the terminal, records the render in the catalog, and prints what was made. */
    static int renderAndReport(CatalogDb db, long assetId, RenderRequest request, PrintWriter out, PrintWriter err) {
        try (CommandContext ctx = CommandContext.open(err)) {
            RenderResult result = new Workspace(db).render(assetId, request).job().run(ctx);
            ctx.clearBar();
            out.printf(Locale.ROOT, "rendered %s %dx%d %d frames in %.1f s%n", result.output(),
                    result.width(), result.height(), result.frames(), result.wallSeconds());
            return 0;
        } catch (JobCancelledException e) {
            err.println("cutroom: cancelled; nothing was written under " + Format.printable(request.output()) + ".");
            return CutroomCli.EXIT_CANCELLED;
        } catch (CatalogException e) {
            throw e;
        } catch (Exception e) {
            err.println("cutroom: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        }
    }

    private RenderRequest request(Asset asset) throws IOException {
        AspectRatio shape = aspect == null ? null : AspectRatio.parse(aspect);
        RenderPreset chosen = preset != null ? RenderPreset.fromId(preset)
                : shape != null ? RenderPreset.forAspect(shape) : RenderPreset.MASTER;
        if (shape != null && chosen.aspect() != null && !chosen.aspect().equals(shape)) {
            throw new IllegalArgumentException("The preset " + chosen.id() + " makes " + chosen.aspect()
                    + ", not " + shape + ".");
        }
        CropTrack track = "center".equalsIgnoreCase(crop) ? null : CropTrack.read(Path.of(crop));
        Grade look = noGrade ? Grade.NEUTRAL : null;
        if (grade != null) {
            look = grade.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cube")
                    ? Grade.NEUTRAL.withLut(grade.toAbsolutePath().toString())
                    : Grade.read(grade);
        }
        if (loudness != null && (loudness < -40 || loudness > -5)) {
            throw new IllegalArgumentException("A loudness target between -40 and -5 LUFS is expected, not " + loudness + ".");
        }
        return new RenderRequest(asset.path(), out, chosen, shape, track, look, loudness, overwrite);
    }
}
