package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.TagRepository;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.vision.CatalogTagger;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.TaggingJob;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ids.isEmpty() && !all) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name asset ids to tag, or use --all.");
        }
        // Open before anything slow (the catalog, the models' checks), so an early Ctrl+C is a cancel too.
        try (CommandContext ctx = CommandContext.open(err); CatalogDb db = catalog.open()) {
            List<Asset> assets = new ArrayList<>();
            if (all) {
                Set<Long> tagged = new TagRepository(db).taggedAssetIds();
                for (Asset a : new AssetRepository(db).all()) {
                    if (a.isReady() && (again || !tagged.contains(a.id()))) assets.add(a);
                }
            }
            for (long id : ids) {
                Asset asset = CatalogOptions.findOrSay(db, id, err);
                if (asset == null) return CutroomCli.EXIT_ERROR;
                assets.add(asset);
            }
            try {
                ModelFiles.locate().verifyAll();
            } catch (ModelException e) {
                err.println("cutroom: tagging is off: " + e.getMessage());
                return CutroomCli.EXIT_ERROR;
            }
            String title = assets.size() == 1 ? "Tagging " + assets.get(0).fileName() : "Tagging " + assets.size() + " files";
            try {
                int failed = new JobJournal(db).record(JobJournal.Kind.TAG, title, TaggingJob.args(assets),
                        journalId -> tagEach(db, assets, ctx, out, err));
                return failed == 0 ? 0 : CutroomCli.EXIT_SOME_FAILED;
            } catch (JobCancelledException e) {
                err.println("cutroom: cancelled; the tags stored so far are kept, and `cutroom tag --all` tags the rest.");
                return CutroomCli.EXIT_CANCELLED;
            }
        }
    }

    /** Tags each asset in turn, printing a line per asset; returns how many failed. */
    private static int tagEach(CatalogDb db, List<Asset> assets, CommandContext ctx, PrintWriter out, PrintWriter err) {
        CatalogTagger tagger = new CatalogTagger(db);
        TagThresholds thresholds = TagThresholds.of(db);
        int failed = 0;
        for (Asset asset : assets) {
            if (ctx.isCancelled()) {
                throw new JobCancelledException();
            }
            failed += tagOne(tagger, thresholds, asset, ctx, out, err);
        }
        return failed;
    }

    /** Tags one asset and prints its line; 1 when it failed. A cancel is passed on, so the journal records it. */
    private static int tagOne(CatalogTagger tagger, TagThresholds thresholds, Asset asset, CommandContext ctx, PrintWriter out,
                              PrintWriter err) {
        try {
            long started = System.nanoTime();
            CatalogTagger.Tagged tagged = tagger.tag(asset, ctx);
            ctx.clearBar();
            List<String> shown = tagged.tags().stream().filter(thresholds::passes).map(t -> t.tag()).distinct().toList();
            out.printf(Locale.ROOT, "%d  %s: %d shot(s), %d sample(s), %.1f s  %s%n", asset.id(), asset.fileName(),
                    tagged.shots(), tagged.samples(), (System.nanoTime() - started) / 1e9,
                    shown.isEmpty() ? "(no tags)" : String.join(", ", shown));
            return 0;
        } catch (JobCancelledException e) {
            throw e;
        } catch (Exception e) {
            if (ctx.isCancelled()) {
                throw new JobCancelledException(); // the worker went down with the Ctrl+C: that is the cancel
            }
            ctx.clearBar();
            err.println("cutroom: " + asset.id() + " " + asset.fileName() + " could not be tagged: " + ErrorSentence.of(e));
            return 1;
        }
    }
}
