package io.cutroom.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobArgs;
import io.cutroom.catalog.MachineName;
import io.cutroom.catalog.QueuedWorkRepository;
import io.cutroom.catalog.QueuedWorkRepository.QueuedWork;
import io.cutroom.catalog.QueuedWorkRepository.State;
import io.cutroom.catalog.TagRepository;
import io.cutroom.color.ClipGrading;
import io.cutroom.color.ColorJob;
import io.cutroom.exports.ExportJob;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.ingest.Importer;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.RenderResult;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.ReframeJob;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.reframe.Widening;
import io.cutroom.vision.CatalogTagger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One machine's share of the studio's work: it takes pieces from the catalog's queue for the lanes it serves, runs
 * them through its own supervised media worker, and sends heartbeats while it does, so that if it dies its piece is
 * taken over by another node. Several nodes, on any machines that share the catalog, split a request between them.
 */
public final class Node implements AutoCloseable {
    public enum Lane {
        IMPORT, INFERENCE, RENDER
    }

    /** Heartbeats and polling, fast enough that a dead node's piece moves on within seconds. */
    public record Timing(Duration heartbeat, int missedHeartbeats, Duration polling) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(2), 5, Duration.ofSeconds(1));
    }

    /** What the node tells whoever started it. */
    public interface Listener {
        void started(QueuedWork work, Asset asset, Path local);

        void finished(QueuedWork work, State state, String message);
    }

    private final CatalogDb db;
    private final PathMap paths;
    private final String name;
    private final Listener listener;
    private final HikariDataSource pool;
    private final List<Scheduler> schedulers = new ArrayList<>();
    private CatalogTagger tagger;

    public Node(CatalogDb db, Set<Lane> lanes, PathMap paths, Timing timing, Listener listener) {
        this.db = db;
        this.paths = paths;
        this.listener = listener;
        this.name = MachineName.get() + "#" + ProcessHandle.current().pid();
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("A node needs at least one lane it serves: import, inference or render.");
        }
        this.pool = db.pool("cutroom-node", 2 + 2 * lanes.size());
        // One scheduler per lane, each running one piece at a time: a node takes no more of a lane's work than its one
        // media worker for that lane can do, and leaves the rest to the other nodes.
        for (Lane lane : lanes) {
            Task<Long> task = switch (lane) {
                case IMPORT -> Tasks.oneTime(QueuedTasks.IMPORT).onDeadExecutionRevive()
                        .execute((instance, ctx) -> importFile(instance.getData()));
                case INFERENCE -> Tasks.oneTime(QueuedTasks.INFERENCE).onDeadExecutionRevive()
                        .execute((instance, ctx) -> run(instance.getData()));
                case RENDER -> Tasks.oneTime(QueuedTasks.RENDER).onDeadExecutionRevive()
                        .execute((instance, ctx) -> run(instance.getData()));
            };
            SchedulerBuilder builder = Scheduler.create(pool, List.of(task));
            QueuedTasks.sqlFor(db).ifPresent(builder::jdbcCustomization);
            schedulers.add(builder
                    .schedulerName(new SchedulerName.Fixed(name))
                    .threads(1)
                    .heartbeatInterval(timing.heartbeat())
                    .missedHeartbeatsLimit(timing.missedHeartbeats())
                    .pollingInterval(timing.polling())
                    .alwaysPersistTimestampInUTC()
                    .shutdownMaxWait(Duration.ofSeconds(5))
                    .build());
        }
    }

    /** This node's name in the queue: machine and process. */
    public String name() {
        return name;
    }

    public void start() {
        schedulers.forEach(Scheduler::start);
    }

    @Override
    public void close() {
        schedulers.forEach(Scheduler::stop);
        pool.close();
    }

    /**
     * Runs one queued piece, once: a piece that is finished or cancelled is not run, and a piece taken over from a dead
     * node whose result had already been stored is only marked done.
     */
    private void run(long workId) {
        QueuedWorkRepository queue = new QueuedWorkRepository(db);
        Optional<QueuedWork> taken = queue.start(workId, name);
        if (taken.isEmpty()) return;
        QueuedWork work = taken.get();
        Optional<Asset> asset = new AssetRepository(db).find(work.assetId());
        if (asset.isEmpty()) {
            end(queue, work, State.FAILED, "The asset is no longer in the catalog.");
            return;
        }
        if (finishedBeforeItsNodeStopped(work)) {
            end(queue, work, State.DONE, "Finished by " + work.node() + " before it stopped.");
            return;
        }
        try {
            Path local = paths.locate(asset.get());
            listener.started(work, asset.get(), local);
            JobContext ctx = watching(queue, workId);
            String outcome = switch (work.kind()) {
                case "tag" -> tag(asset.get().withPath(local), ctx);
                case "colour" -> colour(asset.get().withPath(local), ctx);
                case "reframe" -> reframe(work, asset.get().withPath(local), ctx);
                case "render" -> render(work, local, ctx);
                default -> throw new IllegalStateException("This node does not know the work " + work.kind() + ".");
            };
            end(queue, work, State.DONE, outcome);
        } catch (JobCancelledException cancelled) {
            end(queue, work, State.CANCELLED, "Cancelled.");
        } catch (Exception e) {
            end(queue, work, State.FAILED, ErrorSentence.of(e));
        }
    }

    /**
     * Imports one queued file: found through this machine's path maps, hashed and probed here, and stored under the path
     * the studio named. A file another node imported meanwhile is found as a duplicate, not imported twice.
     */
    private void importFile(long workId) {
        QueuedWorkRepository queue = new QueuedWorkRepository(db);
        Optional<QueuedWork> taken = queue.start(workId, name);
        if (taken.isEmpty()) return;
        QueuedWork work = taken.get();
        try {
            Path stored = Path.of(JobArgs.read(work.args()).path("path").asText());
            Path local = paths.existing(stored);
            listener.started(work, null, local);
            ImportOutcome outcome = new Importer(db).importFile(local, stored);
            if (outcome instanceof ImportOutcome.Imported imported) {
                queue.madeAsset(work.id(), imported.assetId());
                end(queue, work, State.DONE, "imported as " + imported.assetId());
            } else if (outcome instanceof ImportOutcome.Duplicate duplicate) {
                queue.madeAsset(work.id(), duplicate.assetId());
                end(queue, work, State.DONE, "already in the catalog as " + duplicate.assetId() + " (" + duplicate.existingPath() + ")");
            } else if (outcome instanceof ImportOutcome.Failed failed) {
                if (failed.assetId() != null) queue.madeAsset(work.id(), failed.assetId());
                end(queue, work, State.FAILED, failed.reason());
            }
        } catch (Exception e) {
            end(queue, work, State.FAILED, ErrorSentence.of(e));
        }
    }

    /** A dead node's piece whose tags it had stored before it died: tagging again would tag twice. */
    private boolean finishedBeforeItsNodeStopped(QueuedWork work) {
        if (work.state() != State.RUNNING || work.startedAt() == null || !work.kind().equals("tag")) return false;
        Optional<Instant> tagged = new TagRepository(db).taggedAt(work.assetId());
        return tagged.isPresent() && !tagged.get().isBefore(work.startedAt());
    }

    private String tag(Asset local, JobContext ctx) throws Exception {
        if (tagger == null) tagger = new CatalogTagger(db);
        return tagger.tag(local, ctx).tags().size() + " tags";
    }

    private String colour(Asset local, JobContext ctx) throws Exception {
        ClipGrading.Result result = new ColorJob(db, local, null).run(ctx);
        return "auto colour for " + result.shots().size() + (result.shots().size() == 1 ? " shot" : " shots");
    }

    private String reframe(QueuedWork work, Asset local, JobContext ctx) throws Exception {
        JsonNode a = JobArgs.read(work.args());
        ReframeJob.Done done = new ReframeJob(db, local, AspectRatio.parse(a.path("aspect").asText()),
                MotionStyle.parse(a.path("style").asText()), SignalWeights.parse(a.path("weights").asText()),
                Widening.parse(a.path("widen").asText(), a.path("fill").asText())).run(ctx);
        return "reframed for " + a.path("aspect").asText() + ": " + done.summary();
    }

    /** Renders from this machine's copy of the source to this machine's mount of the output the studio named. */
    private String render(QueuedWork work, Path source, JobContext ctx) throws Exception {
        RenderResult result = ExportJob.fromArgs(db, work.args(), source, paths::local).run(ctx);
        return String.format(Locale.ROOT, "%s, %dx%d", result.output(), result.width(), result.height());
    }

    private void end(QueuedWorkRepository queue, QueuedWork work, State state, String message) {
        queue.finish(work.id(), state, message);
        listener.finished(work, state, message);
    }

    /** Progress goes to the catalog at most once a second; a cancel set by any studio is seen at the next report. */
    private static JobContext watching(QueuedWorkRepository queue, long workId) {
        return new JobContext() {
            private long lastReport;
            private volatile boolean cancelled;

            @Override
            public void progress(long done, long total, String message) {
                long now = System.nanoTime();
                if (now - lastReport < 1_000_000_000L) return;
                lastReport = now;
                cancelled = !queue.progress(workId, done, total);
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }
}
