package io.cutroom.reliability;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.color.ColorJob;
import io.cutroom.exports.ExportJob;
import io.cutroom.ingest.ImportJob;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.vision.CatalogTagger;
import io.cutroom.vision.ModelFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The soak run behind {@code cutroom bench soak}: hostile media through import, tagging, auto colour and
 * rendering (with the colour just measured, so the grade's filters meet the hostile clips too) in
 * this process (the studio's role, with its media workers), then a loop of kill -9 at random moments
 * during CLI imports and renders, checking the catalog after each.
 */
public final class Soak {
    /** What went in: real files to mangle, how many kills, the seed, and a scratch folder. */
    public record Options(List<Path> sources, int kills, long seed, Path work) {
    }

    /** Counts of how work on the hostile corpus ended. */
    public static final class Tally {
        public int tried;
        public int succeeded;
        public int failedWithReason;
        public int workerCrashes;
        public int hangs;
        public int unexpected;

        void failed(String reason) {
            if (reason == null || reason.isBlank() || reason.contains("unexpected")) {
                unexpected++;
            } else if (reason.contains("stopped responding")) {
                hangs++;
            } else if (reason.contains("the media worker")) {
                workerCrashes++;
            }
            failedWithReason += reason == null || reason.isBlank() ? 0 : 1;
        }
    }

    public final Tally imports = new Tally();
    public final Tally tagging = new Tally();
    public final Tally colour = new Tally();
    public final Tally renders = new Tally();
    public final KillLoop.Result kills;
    public final int corpusFiles;
    public final int filesWithoutOutcome;
    public final String integrity;
    public final long studioPeakMib;
    public final long workerPeakMib;
    public final double seconds;

    private Soak(Options options, Consumer<String> say) throws Exception {
        long started = System.nanoTime();
        try (PeakMemory memory = new PeakMemory()) {
            List<FuzzCorpus.Item> corpus = FuzzCorpus.generate(options.sources(), options.work().resolve("corpus"),
                    options.seed());
            corpusFiles = corpus.size();
            say.accept("corpus: " + corpus.size() + " files made from " + options.sources().size() + " real files");
            try (CatalogDb db = CatalogDb.open(options.work().resolve("catalog"))) {
                filesWithoutOutcome = importAll(db, corpus, say);
                tagAll(db, say);
                colourAll(db, say);
                renderAll(db, options.work().resolve("renders"), say);
                integrity = db.integrityCheck();
            }
            kills = new KillLoop(options, say).run();
            studioPeakMib = memory.studioPeakMib();
            workerPeakMib = memory.workerPeakMib();
        }
        seconds = (System.nanoTime() - started) / 1e9;
    }

    public static Soak run(Options options, PrintWriter progress) throws Exception {
        return new Soak(options, line -> {
            progress.println("  " + line);
            progress.flush();
        });
    }

    private int importAll(CatalogDb db, List<FuzzCorpus.Item> corpus, Consumer<String> say) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        new ImportJob(db, List.of(corpus.get(0).file().getParent()), outcomes::add).run(JobContext.NONE);
        for (ImportOutcome outcome : outcomes) {
            imports.tried++;
            if (outcome instanceof ImportOutcome.Failed failed) {
                imports.failed(failed.reason());
            } else {
                imports.succeeded++;
            }
        }
        Set<Path> reported = outcomes.stream().map(o -> o.path().toAbsolutePath().normalize()).collect(Collectors.toSet());
        int missing = (int) corpus.stream().filter(i -> !reported.contains(i.file().toAbsolutePath().normalize())).count();
        say.accept("import: " + imports.tried + " files, " + imports.succeeded + " ready, " + imports.failedWithReason
                + " failed with a reason");
        return missing;
    }

    private void tagAll(CatalogDb db, Consumer<String> say) throws Exception {
        ModelFiles.locate().verifyAll();
        CatalogTagger tagger = new CatalogTagger(db);
        for (Asset asset : new AssetRepository(db).all()) {
            if (!asset.isReady() || asset.kind() == MediaKind.AUDIO) {
                continue;
            }
            tagging.tried++;
            try {
                tagger.tag(asset, JobContext.NONE);
                tagging.succeeded++;
            } catch (Exception e) {
                tagging.failed(e.getMessage());
                say.accept("tagging failed on " + asset.fileName() + ": " + e.getMessage());
            }
        }
        say.accept("tagging: " + tagging.tried + " assets, " + tagging.succeeded + " tagged");
    }

    /** Auto colour on every ready still and video; the grades stored here are what the renders then apply. */
    private void colourAll(CatalogDb db, Consumer<String> say) {
        for (Asset asset : new AssetRepository(db).all()) {
            if (!asset.isReady() || asset.kind() == MediaKind.AUDIO) {
                continue;
            }
            colour.tried++;
            try {
                new ColorJob(db, asset, null).run(JobContext.NONE);
                colour.succeeded++;
            } catch (Exception e) {
                colour.failed(e.getMessage());
                say.accept("auto colour failed on " + asset.fileName() + ": " + e.getMessage());
            }
        }
        say.accept("auto colour: " + colour.tried + " assets, " + colour.succeeded + " graded");
    }

    /** The stages' tallies, in the order they ran. */
    public List<Tally> stages() {
        return List.of(imports, tagging, colour, renders);
    }

    private void renderAll(CatalogDb db, Path folder, Consumer<String> say) throws Exception {
        Files.createDirectories(folder);
        for (Asset asset : new AssetRepository(db).all()) {
            if (!asset.isReady() || asset.kind() != MediaKind.VIDEO) {
                continue;
            }
            renders.tried++;
            Path out = folder.resolve(asset.id() + ".mp4");
            try {
                new ExportJob(db, asset.id(), new RenderRequest(asset.path(), out, RenderPreset.PROXY, null, null, null, null, true))
                        .run(JobContext.NONE);
                renders.succeeded++;
                Files.deleteIfExists(out);
            } catch (Exception e) {
                renders.failed(e.getMessage());
                say.accept("render failed on " + asset.fileName() + ": " + e.getMessage());
            }
        }
        say.accept("render: " + renders.tried + " clips, " + renders.succeeded + " rendered");
    }
}
