package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.usecases.Workspace;
import io.cutroom.vision.CatalogTagger;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.TaggingJob;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutroom tag ID...|--all}: tags shots with the shipped networks and the custom tags. */
@Command(name = "tag", description = "Tag the shots of assets (videos and stills) with the shipped networks.")
final class TagCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Asset ids to tag.")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--all", description = "Tag every ready video and still not tagged yet.")
    boolean all;

    @Option(names = "--again", description = "Tag again even when already tagged.")
    boolean again;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ids.isEmpty() && !all) {
            throw new ParameterException(spec.commandLine(), "Name asset ids to tag, or use --all.");
        }
        // Open before anything slow (the catalog, the models' checks), so an early Ctrl+C is a cancel too.
        try (CommandContext ctx = CommandContext.open(err); CatalogDb db = catalog.open()) {
            Workspace workspace = new Workspace(db);
            List<Asset> assets = new ArrayList<>(all ? workspace.taggable(again) : List.of());
            for (long id : ids) {
                Asset asset = CatalogOptions.findOrSay(db, id, err);
                if (asset == null) return CutroomCli.EXIT_ERROR;
                assets.add(asset);
            }
            Optional<String> off = workspace.whyTaggingIsOff();
            if (off.isPresent()) {
                err.println("cutroom: tagging is off: " + off.get());
                return CutroomCli.EXIT_ERROR;
            }
            Lines lines = new Lines(TagThresholds.of(db), ctx, out, err);
            try {
                workspace.tag(assets, lines).job().run(ctx);
            } catch (JobCancelledException e) {
                err.println("cutroom: cancelled; the tags stored so far are kept, and `cutroom tag --all` tags the rest.");
                return CutroomCli.EXIT_CANCELLED;
            } catch (Exception e) {
                if (lines.failed == 0) {
                    throw new IllegalStateException(ErrorSentence.of(e), e);
                }
                // No file could be tagged: each has had its line already.
            }
            return lines.failed == 0 ? 0 : CutroomCli.EXIT_SOME_FAILED;
        }
    }

    /** A line per asset as the run goes: its shots, samples, time and the tags that pass; or why it failed. */
    private static final class Lines implements TaggingJob.Listener {
        private final TagThresholds thresholds;
        private final CommandContext ctx;
        private final PrintWriter out;
        private final PrintWriter err;
        int failed;

        Lines(TagThresholds thresholds, CommandContext ctx, PrintWriter out, PrintWriter err) {
            this.thresholds = thresholds;
            this.ctx = ctx;
            this.out = out;
            this.err = err;
        }

        @Override
        public void tagged(Asset asset, CatalogTagger.Tagged tagged, double seconds) {
            ctx.clearBar();
            List<String> shown = tagged.tags().stream().filter(thresholds::passes).map(t -> t.tag()).distinct().toList();
            out.printf(Locale.ROOT, "%d  %s: %d shot(s), %d sample(s), %.1f s  %s%n", asset.id(), asset.fileName(),
                    tagged.shots(), tagged.samples(), seconds, shown.isEmpty() ? "(no tags)" : String.join(", ", shown));
            out.flush();
        }

        @Override
        public void failed(Asset asset, String reason) {
            failed++;
            ctx.clearBar();
            err.println("cutroom: " + asset.id() + " " + asset.fileName() + " could not be tagged: " + reason);
        }
    }
}
