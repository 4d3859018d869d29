package io.cutroom.usecases;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CustomTagRepository;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.ProfileRepository;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.catalog.RenderRepository;
import io.cutroom.catalog.ShotRepository;
import io.cutroom.catalog.TagRepository;
import io.cutroom.catalog.ThumbnailRepository;
import io.cutroom.color.ClipGrading;
import io.cutroom.color.ColorJob;
import io.cutroom.exports.ExportJob;
import io.cutroom.ingest.ImportJob;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;
import io.cutroom.jobs.JobRunner;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.render.RenderResult;
import io.cutroom.playlists.DemoProfiles;
import io.cutroom.playlists.PlaylistService;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.ReframeJob;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.reframe.Widening;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.SimilarShots;
import io.cutroom.vision.TagTeacher;
import io.cutroom.vision.TaggingJob;
import io.cutroom.vision.TeachJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * What an editor can do with one catalog, the same from the command line and from the studio: import, tag,
 * teach, reframe, colour, render, resume, playlists. Each long piece of work comes back as {@link Work}, a job
 * with its lane, so each face runs it its own way (a terminal progress bar, or the studio's jobs panel) and
 * both keep the same rules: what counts as untagged, which journaled jobs are offered again, which lane a job
 * takes. Nothing here knows about a face.
 */
public final class Workspace {
    private final CatalogDb db;

    public Workspace(CatalogDb db) {
        this.db = db;
    }

    public CatalogDb catalog() {
        return db;
    }

    /** The catalog's records, read for display; the work on them goes through the use cases below. */
    public AssetRepository assets() {
        return new AssetRepository(db);
    }

    public ThumbnailRepository thumbnails() {
        return new ThumbnailRepository(db);
    }

    public RenderRepository renders() {
        return new RenderRepository(db);
    }

    public ProfileRepository profiles() {
        return new ProfileRepository(db);
    }

    public ReframeRepository reframes() {
        return new ReframeRepository(db);
    }

    public ShotRepository shots() {
        return new ShotRepository(db);
    }

    /** Logs, marks, collections, sidecars and timelines. */
    public Curation curation() {
        return new Curation(db);
    }

    /** Collections as timelines for editing apps, and their timelines back as collections. */
    public TimelineExchange timelines() {
        return new TimelineExchange(db);
    }

    /** Finds moved or renamed files again in {@code folder}, by content (import lane: it reads files). */
    public Work<Relinker.Report> relink(Path folder) {
        return new Work<>(JobRunner.Lane.IMPORT, new Job<>() {
            @Override
            public String title() {
                return "Relink from " + folder.getFileName();
            }

            @Override
            public Relinker.Report run(JobContext ctx) throws Exception {
                return new Relinker(db).relink(folder, ctx);
            }
        });
    }

    /** Imports files and folders; {@code each} hears every file's outcome as it is known, from the job's thread. */
    public Work<List<ImportOutcome>> importFiles(List<Path> paths, Consumer<ImportOutcome> each) {
        return new Work<>(JobRunner.Lane.IMPORT, new ImportJob(db, paths, outcome -> {
            if (outcome instanceof ImportOutcome.Imported imported) {
                takeSidecar(imported.assetId());
            }
            each.accept(outcome);
        }));
    }

    /** A sidecar found beside a newly imported file brings its rating, flag, label, description and collections. */
    private void takeSidecar(long assetId) {
        try {
            new Curation(db).readSidecar(assetId);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Workspace.class).warn("The sidecar of asset {} was not read", assetId, e);
        }
    }

    /**
     * The assets tagging applies to: ready videos and stills (audio has no pictures) whose files are in place,
     * those with no tags yet unless {@code again}. Offline files wait for a relink.
     */
    public List<Asset> taggable(boolean again) {
        Set<Long> tagged = new TagRepository(db).taggedAssetIds();
        return new AssetRepository(db).all().stream()
                .filter(a -> a.isReady() && a.kind() != MediaKind.AUDIO && (again || !tagged.contains(a.id())))
                .filter(a -> Files.exists(a.path()))
                .toList();
    }

    /** Why tagging cannot run (a model file missing or altered), or empty when it can. */
    public Optional<String> whyTaggingIsOff() {
        try {
            ModelFiles.locate().verifyAll();
            return Optional.empty();
        } catch (ModelException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Tags these assets one after another, journaled so a killed run resumes; {@code listener} hears each. */
    public Work<TaggingJob.Summary> tag(List<Asset> assets, TaggingJob.Listener listener) {
        return new Work<>(JobRunner.Lane.INFERENCE, new TaggingJob(db, assets, listener));
    }

    /**
     * Trains a custom tag on these marks and every shot of {@code wholeAssets} (added to the examples it already
     * has), then applies it to the catalog.
     */
    public Work<TagTeacher.Outcome> teach(String tag, List<CustomTagRepository.Example> marks, List<Long> wholeAssets) {
        return new Work<>(JobRunner.Lane.INFERENCE, new TeachJob(db, tag, marks, wholeAssets));
    }

    /** Reframes a clip for a shape and stores the crop track. */
    public Work<ReframeJob.Done> reframe(Asset asset, AspectRatio aspect, MotionStyle style, SignalWeights weights,
                                         Widening widening) {
        return new Work<>(JobRunner.Lane.INFERENCE, new ReframeJob(db, asset, aspect, style, weights, widening));
    }

    /** Auto colour per shot ({@code reference} null), or a match to the reference clip as graded; stored. */
    public Work<ClipGrading.Result> grade(Asset asset, Asset reference) {
        return new Work<>(JobRunner.Lane.INFERENCE, new ColorJob(db, asset, reference));
    }

    /** The stored grades, and the eyedropper, manual settings and LUTs on top of them. */
    public ClipGrading grading() {
        return new ClipGrading(db);
    }

    /** Renders a clip and records the render in the catalog; nothing is left under the name asked for unless it ends. */
    public Work<RenderResult> render(long assetId, RenderRequest request) {
        return new Work<>(JobRunner.Lane.RENDER, new ExportJob(db, assetId, request));
    }

    /**
     * Jobs a crash, kill or power cut interrupted (or that failed) and nobody has resumed yet. A tagging run whose
     * files have all been tagged since (automatic tagging does that) is closed here rather than offered.
     */
    public List<JobJournal.Entry> resumable() {
        JobJournal journal = new JobJournal(db);
        List<JobJournal.Entry> offered = new ArrayList<>();
        for (JobJournal.Entry entry : journal.resumable()) {
            if (entry.kind() == JobJournal.Kind.TAG && TaggingJob.remaining(db, entry.args()).isEmpty()) {
                journal.dismiss(entry.id());
            } else {
                offered.add(entry);
            }
        }
        return offered;
    }

    /** The journal entry with this id, if there is one. */
    public Optional<JobJournal.Entry> journalEntry(long id) {
        return new JobJournal(db).find(id);
    }

    /**
     * Carries on an interrupted or failed job on its usual lane; {@code each} hears each import outcome if it is
     * an import. An entry that cannot be resumed (done, or resumed already) is refused with a sentence
     * ({@link IllegalArgumentException}).
     */
    public Work<?> resume(JobJournal.Entry entry, Consumer<ImportOutcome> each) throws IOException {
        Job<?> job = new JobResumer(db).jobFor(entry, each);
        return new Work<>(JobResumer.laneOf(entry.kind()), job);
    }

    /** The assets an interrupted tagging run still has to tag; its entry is closed, as their tagging takes over. */
    public List<Asset> takeOverTagging(JobJournal.Entry entry) {
        new JobJournal(db).dismiss(entry.id());
        return TaggingJob.remaining(db, entry.args());
    }

    /** The editor does not want this interrupted job back. */
    public void dismiss(JobJournal.Entry entry) {
        new JobJournal(db).dismiss(entry.id());
    }

    /** Personalized playlists over this catalog. */
    public PlaylistService playlists() {
        return new PlaylistService(db);
    }

    /** Adds the demo viewer profiles when there are none; how many it added. */
    public int addDemoViewersIfNone() {
        return DemoProfiles.addIfNone(db);
    }

    /** How many of the asset's shots have an embedding, that is, were tagged; 0 for an asset not tagged yet. */
    public int embeddedShots(long assetId) {
        return new TagRepository(db).embeddingsOf(assetId).size();
    }

    /**
     * Shots of other assets most like one shot of this asset, most alike first; empty when the asset has no such
     * shot tagged. Reads every embedding, so it is not for the JavaFX thread.
     */
    public Optional<List<SimilarShots.Match>> similarShots(long assetId, int shotIndex, int limit) {
        TagRepository tags = new TagRepository(db);
        return tags.embeddingsOf(assetId).stream().filter(e -> e.shotIndex() == shotIndex).findFirst()
                .map(query -> new SimilarShots(tags.embeddings()).like(query, limit));
    }

    /** Other assets most like this one as a whole, most alike first. */
    public List<SimilarShots.Match> similarAssets(long assetId, int limit) {
        TagRepository tags = new TagRepository(db);
        return new SimilarShots(tags.embeddings()).likeAsset(tags.embeddingsOf(assetId), limit);
    }
}
