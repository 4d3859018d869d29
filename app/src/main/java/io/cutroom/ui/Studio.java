package io.cutroom.ui;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ChangeLog;
import io.cutroom.catalog.CatalogLocation;
import io.cutroom.catalog.DataFolder;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.QueuedWorkRepository;
import io.cutroom.catalog.ProfileRepository;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.catalog.RenderRepository;
import io.cutroom.catalog.ShotRepository;
import io.cutroom.catalog.ThumbnailRepository;
import io.cutroom.cluster.Node;
import io.cutroom.cluster.PathMap;
import io.cutroom.cluster.WorkQueue;
import io.cutroom.color.ClipGrading;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobHandle;
import io.cutroom.jobs.JobListener;
import io.cutroom.jobs.JobRunner;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.render.RenderResult;
import io.cutroom.playlists.PlaylistService;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.ReframeJob;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.reframe.Widening;
import io.cutroom.usecases.Curation;
import io.cutroom.usecases.Relinker;
import io.cutroom.usecases.TimelineExchange;
import io.cutroom.usecases.Work;
import io.cutroom.usecases.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.slf4j.LoggerFactory;

/**
 * The core services one studio window works with: the catalog, its repositories and the job runner.
 * Screens hear about catalog changes here instead of polling the database.
 */
public final class Studio implements AutoCloseable {
    private final CatalogDb db;
    private final Workspace workspace;
    private final JobRunner runner;
    private final StudioTagging tagging;
    private final Path dataFolder;
    private WorkQueue queue;
    private Node node;
    private final List<Runnable> catalogListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<JobHandle<?>>> jobListeners = new CopyOnWriteArrayList<>();
    /** One thread reads the catalog for the screens, so the JavaFX thread never waits on the database. */
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cutroom-catalog-reader");
        t.setDaemon(true);
        return t;
    });
    /**
     * Looks at the catalog's change list twice a second, so a change made elsewhere (another workstation on a shared
     * catalog, or the command line on this one) reaches the screens within a second, without reloading.
     */
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cutroom-catalog-watch");
        t.setDaemon(true);
        return t;
    });
    private ChangeLog.Position seen;
    /** Change bursts (an import reports every file) are told at most four times a second. */
    private final PauseTransition changeDelay =
            new PauseTransition(Duration.millis(250));

    public Studio(Path home, JobRunner runner) {
        this.dataFolder = home != null ? home : DataFolder.resolve();
        this.db = CatalogDb.open(dataFolder);
        this.workspace = new Workspace(db);
        this.runner = runner;
        this.tagging = new StudioTagging(this, workspace);
        changeDelay.setOnFinished(e -> catalogListeners.forEach(Runnable::run));
        // Where the change list stands as the screens first read the catalog: anything after it is news.
        seen = new ChangeLog(db).since(ChangeLog.Position.START).upTo();
        watcher.scheduleWithFixedDelay(this::lookForChanges, 500, 500, TimeUnit.MILLISECONDS);
        // On a shared catalog every workstation lends a hand with the queue unless its editor says otherwise. The node
        // opens connections of its own, so it starts on the catalog thread, not while the window is being built.
        if (db.shared()) reader.execute(() -> workForQueue(true));
    }

    /** Tells the screens when the change list has grown since the last look. */
    private void lookForChanges() {
        try {
            ChangeLog.Since since = new ChangeLog(db).since(seen);
            seen = since.upTo();
            if (!since.nothing()) catalogChanged();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Studio.class).debug("Could not look at the catalog's changes; looking again shortly", e);
        }
    }

    /** Tags, thresholds, teaching and "more like this" for the screens. */
    public StudioTagging tagging() {
        return tagging;
    }

    /** Reads off the JavaFX thread, then hands the result to {@code use} on it. Failures are logged, not shown. */
    public <T> void read(Supplier<T> query, Consumer<T> use) {
        offThread(query, use, null);
    }

    /**
     * Stores something off the JavaFX thread, then hands the result to {@code use} on it; it may be called from any
     * thread. Unlike {@link #read}, a failure
     * (a full disk, a catalog another process has locked for too long) reaches {@code failed} as a sentence: the
     * editor must not believe a grade or a correction was kept when it was not.
     */
    public <T> void change(Supplier<T> work, Consumer<T> use, Consumer<String> failed) {
        offThread(work, use, failed);
    }

    private <T> void offThread(Supplier<T> work, Consumer<T> use, Consumer<String> failed) {
        if (reader.isShutdown()) {
            return; // the studio is closing: nobody will look at the answer
        }
        CompletableFuture.supplyAsync(work, reader).whenComplete((value, error) -> {
            if (error != null) {
                LoggerFactory.getLogger(Studio.class).warn(failed == null ? "Catalog read failed" : "Catalog change failed", error);
                if (failed != null) {
                    String sentence = ErrorSentence.of(error);
                    Platform.runLater(() -> failed.accept(sentence));
                }
            } else {
                Platform.runLater(() -> use.accept(value));
            }
        });
    }

    public AssetRepository assets() {
        return workspace.assets();
    }

    public ThumbnailRepository thumbnails() {
        return workspace.thumbnails();
    }

    /** The catalog's work queue, for the nodes of the studio (made when first asked for: it holds a few connections). */
    public synchronized WorkQueue queue() {
        if (queue == null) queue = new WorkQueue(db);
        return queue;
    }

    /**
     * Lets this workstation take work from the queue too, as {@code cutroom node} does, through its own media worker;
     * false stops it (a piece it is running is taken over by another node).
     */
    public synchronized void workForQueue(boolean on) {
        if (on && node == null) {
            node = new Node(db, EnumSet.allOf(Node.Lane.class), PathMap.NONE,
                    Node.Timing.DEFAULT, new Node.Listener() {
                        @Override
                        public void started(QueuedWorkRepository.QueuedWork work, Asset asset, Path local) {
                        }

                        @Override
                        public void finished(QueuedWorkRepository.QueuedWork work, QueuedWorkRepository.State state,
                                             String message) {
                            catalogChanged();
                        }
                    });
            node.start();
        } else if (!on && node != null) {
            node.close();
            node = null;
        }
    }

    public synchronized boolean worksForQueue() {
        return node != null;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public CatalogLocation catalogLocation() {
        return db.location();
    }

    /** Where the catalog is: its file, or the shared database on a server. */
    public String catalogPlace() {
        return db.location().describe();
    }

    /** Runs when assets or renders were added or changed; on the JavaFX thread, at most four times a second. */
    public void onCatalogChanged(Runnable listener) {
        catalogListeners.add(listener);
    }

    /** Runs when a job starts, so the jobs panel can show it; on the JavaFX thread. */
    public void onJobStarted(Consumer<JobHandle<?>> listener) {
        jobListeners.add(listener);
    }

    /** Imports files and folders in the background; each finished file shows up at once. */
    public JobHandle<List<ImportOutcome>> importPaths(List<Path> paths) {
        JobHandle<List<ImportOutcome>> handle = submit(workspace.importFiles(paths, outcome -> catalogChanged()));
        handle.result().whenComplete((outcomes, error) -> tagging.afterImport());
        return handle;
    }

    /** Logs, marks, collections and timelines; call it off the JavaFX thread (through {@link #read} or {@link #change}). */
    public Curation curation() {
        return workspace.curation();
    }

    /** Timelines in and out; call it off the JavaFX thread. */
    public TimelineExchange timelines() {
        return workspace.timelines();
    }

    /** Finds moved files again in a folder, in the background; the catalog hears when it ends. */
    public JobHandle<Relinker.Report> relink(Path folder) {
        JobHandle<Relinker.Report> handle = submit(workspace.relink(folder));
        handle.result().whenComplete((report, error) -> catalogChanged());
        return handle;
    }

    /** Tells the screens the catalog changed after a change made through {@link #change}. */
    public void changed() {
        catalogChanged();
    }

    /** Renders an asset in the background; the catalog hears when it ends, however it ends. */
    public JobHandle<RenderResult> export(long assetId, RenderRequest request) {
        JobHandle<RenderResult> handle = submit(workspace.render(assetId, request));
        handle.result().whenComplete((result, error) -> catalogChanged());
        return handle;
    }

    /** Reframes a clip for a shape in the background (inference lane); the catalog hears when it ends. */
    public JobHandle<ReframeJob.Done> reframe(Asset asset,
            AspectRatio aspect, MotionStyle style, Widening widening) {
        JobHandle<ReframeJob.Done> handle = submit(workspace.reframe(asset, aspect, style, SignalWeights.DEFAULT, widening));
        handle.result().whenComplete((done, error) -> catalogChanged());
        return handle;
    }

    /** Auto colour ({@code reference} null) or a match to a reference, in the background; the catalog hears when it ends. */
    public JobHandle<ClipGrading.Result> grade(Asset asset, Asset reference) {
        JobHandle<ClipGrading.Result> handle = submit(workspace.grade(asset, reference));
        handle.result().whenComplete((done, error) -> catalogChanged());
        return handle;
    }

    /** Adds the demo viewer profiles (on the catalog reader thread) when there are none; screens hear of it. */
    public void addDemoViewers() {
        read(workspace::addDemoViewersIfNone, added -> catalogChanged());
    }

    /** Personalized playlists over this catalog; build them off the JavaFX thread. */
    public PlaylistService playlists() {
        return workspace.playlists();
    }

    /** The catalog itself, for screens that read a snapshot of it on the reader thread. */
    public CatalogDb database() {
        return db;
    }

    public ProfileRepository profiles() {
        return workspace.profiles();
    }

    /** Clips' stored grades: read and written off the JavaFX thread. */
    public ClipGrading grading() {
        return workspace.grading();
    }

    public ReframeRepository reframes() {
        return workspace.reframes();
    }

    public ShotRepository shots() {
        return workspace.shots();
    }

    /** Jobs to offer again (see {@link Workspace#resumable}); read off the FX thread. */
    public List<JobJournal.Entry> resumableJobs() {
        return workspace.resumable();
    }

    /**
     * Carries on an interrupted job in the background, on its usual lane; the catalog hears as it goes.
     * Tagging goes through the studio's tagger, which skips files already queued for tagging.
     */
    public void resume(JobJournal.Entry entry) throws IOException {
        if (entry.kind() == JobJournal.Kind.TAG) {
            read(() -> workspace.takeOverTagging(entry), tagging::tag);
            return;
        }
        JobHandle<?> handle = submit(workspace.resume(entry, outcome -> catalogChanged()));
        handle.result().whenComplete((done, error) -> catalogChanged());
    }

    /** The editor does not want this interrupted job back: {@code done} once the journal says so. */
    public void dismiss(JobJournal.Entry entry, Runnable done, Consumer<String> failed) {
        change(() -> {
            workspace.dismiss(entry);
            return entry;
        }, e -> done.run(), failed);
    }

    /** Queues a use case's job on its lane and shows it in the jobs panel. */
    <T> JobHandle<T> submit(Work<T> work) {
        JobHandle<T> handle = runner.submit(work.lane(), work.job(), JobListener.NONE);
        Runnable tell = () -> jobListeners.forEach(l -> l.accept(handle));
        if (Platform.isFxApplicationThread()) {
            tell.run();
        } else {
            Platform.runLater(tell);
        }
        return handle;
    }

    public RenderRepository renders() {
        return workspace.renders();
    }

    /** Callable from any thread; listeners run on the JavaFX thread once the burst has settled a moment. */
    void catalogChanged() {
        Platform.runLater(() -> {
            if (changeDelay.getStatus() != Animation.Status.RUNNING) {
                changeDelay.playFromStart();
            }
        });
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        synchronized (this) {
            if (node != null) node.close();
            if (queue != null) queue.close();
        }
        runner.close();
        reader.shutdownNow();
        db.close();
    }
}
