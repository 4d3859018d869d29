package io.cutroom.soak;

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
import java.util.function.Predicate;
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
        eachAsset(db, Soak::hasPictures, tagging, "tagging", "tagged", asset -> tagger.tag(asset, JobContext.NONE), say);
    }

    /** Auto colour on every ready still and video; the grades stored here are what the renders then apply. */
    private void colourAll(CatalogDb db, Consumer<String> say) {
        eachAsset(db, Soak::hasPictures, colour, "auto colour", "graded",
                asset -> new ColorJob(db, asset, null).run(JobContext.NONE), say);
    }

    private void renderAll(CatalogDb db, Path folder, Consumer<String> say) throws Exception {
        Files.createDirectories(folder);
        eachAsset(db, asset -> asset.kind() == MediaKind.VIDEO, renders, "render", "rendered", asset -> {
            Path out = folder.resolve(asset.id() + ".mp4");
            new ExportJob(db, asset.id(), new RenderRequest(asset.path(), out, RenderPreset.PROXY, null, null, null, null, true))
                    .run(JobContext.NONE);
            Files.deleteIfExists(out);
        }, say);
    }

    /** The stages' tallies, in the order they ran. */
    public List<Tally> stages() {
        return List.of(imports, tagging, colour, renders);
    }

    private static boolean hasPictures(Asset asset) {
        return asset.kind() != MediaKind.AUDIO;
    }

    /** One stage on every ready asset it applies to: counted in {@code tally}, each failure said with its reason. */
    private static void eachAsset(CatalogDb db, Predicate<Asset> appliesTo, Tally tally, String stage,
                                  String done, AssetWork work, Consumer<String> say) {
        for (Asset asset : new AssetRepository(db).all()) {
            if (!asset.isReady() || !appliesTo.test(asset)) {
                continue;
            }
            tally.tried++;
            try {
                work.run(asset);
                tally.succeeded++;
            } catch (Exception e) {
                tally.failed(e.getMessage());
                say.accept(stage + " failed on " + asset.fileName() + ": " + e.getMessage());
            }
        }
        say.accept(stage + ": " + tally.tried + " assets, " + tally.succeeded + " " + done);
    }

    private interface AssetWork {
        void run(Asset asset) throws Exception;
    }
}
