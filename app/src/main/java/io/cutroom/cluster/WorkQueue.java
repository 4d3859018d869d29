package io.cutroom.cluster;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.zaxxer.hikari.HikariDataSource;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobArgs;
import io.cutroom.catalog.QueuedWorkRepository;
import io.cutroom.catalog.QueuedWorkRepository.QueuedWork;
import io.cutroom.exports.ExportJob;
import io.cutroom.media.render.RenderRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Puts work on the catalog's queue for whichever node of the studio takes it first (any workstation running
 * {@code cutroom node}, headless or not), and shows and cancels it from any studio. Each piece is one db-scheduler
 * execution, so one node runs it; a node that stops sending heartbeats has its piece taken over by another.
 */
public final class WorkQueue implements AutoCloseable {
    private final CatalogDb db;
    private final HikariDataSource pool;
    private final SchedulerClient client;

    public WorkQueue(CatalogDb db) {
        this.db = db;
        this.pool = db.pool("cutroom-queue-client", 2);
        SchedulerClient.Builder builder = SchedulerClient.Builder.create(pool);
        QueuedTasks.sqlFor(db).ifPresent(builder::jdbcCustomization);
        this.client = builder.build();
    }

    /** A request and how far it has come. */
    public record Batch(String id, List<QueuedWork> pieces) {
        public long count(QueuedWorkRepository.State state) {
            return pieces.stream().filter(p -> p.state() == state).count();
        }

        public boolean finished() {
            return pieces.stream().allMatch(p -> p.state().finished());
        }

        /** How many pieces each node has done. */
        public Map<String, Long> doneBy() {
            Map<String, Long> by = new TreeMap<>();
            pieces.stream().filter(p -> p.state() == QueuedWorkRepository.State.DONE)
                    .forEach(p -> by.merge(p.node(), 1L, Long::sum));
            return by;
        }
    }

    /** Queues tagging of these assets, one piece each; returns the batch's id. */
    public String tag(List<Long> assetIds) {
        return add(QueuedTasks.INFERENCE, "tag", assetIds, "{}");
    }

    /** Queues the import of these files, named as this workstation sees them (they must be on the shared media). */
    public String importFiles(List<Path> files) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = new QueuedWorkRepository(db).addImports(batch,
                files.stream().map(f -> JobArgs.write(Map.of("path", f.toString()))).toList());
        schedule(QueuedTasks.IMPORT, ids);
        return batch;
    }

    /** Queues auto colour (white balance and exposure per shot) of these assets, one piece each. */
    public String colour(List<Long> assetIds) {
        return add(QueuedTasks.INFERENCE, "colour", assetIds, "{}");
    }

    /** Queues reframing analysis of these clips for a shape, with the reframe options as {@code cutroom reframe} takes them. */
    public String reframe(List<Long> assetIds, String aspect, String style, String weights, String widen, String fill) {
        return add(QueuedTasks.INFERENCE, "reframe", assetIds, JobArgs.write(Map.of("aspect", aspect, "style", style,
                "weights", weights, "widen", widen, "fill", fill)));
    }

    /** Queues a render, with the output where the studio names it (a node writes it under its own mount of it). */
    public String render(long assetId, RenderRequest request) {
        return add(QueuedTasks.RENDER, "render", List.of(assetId), ExportJob.args(assetId, request));
    }

    private String add(TaskDescriptor<Long> lane, String kind, List<Long> assetIds, String args) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        schedule(lane, new QueuedWorkRepository(db).add(batch, lane.getTaskName(), kind, assetIds, args));
        return batch;
    }

    private void schedule(TaskDescriptor<Long> lane, List<Long> ids) {
        Instant now = Instant.now();
        for (long id : ids) {
            TaskInstance<Long> instance = lane.instance(Long.toString(id)).data(id).build();
            client.scheduleIfNotExists(instance, now);
        }
    }

    public Batch batch(String id) {
        return new Batch(id, new QueuedWorkRepository(db).batch(id));
    }

    /** The requests still being worked on, and those finished in the last two minutes; the latest first. */
    public List<Batch> active() {
        QueuedWorkRepository work = new QueuedWorkRepository(db);
        return work.activeBatches(Instant.now().minusSeconds(120), 5).stream().map(this::batch).toList();
    }

    /** Stops what of the batch has not finished: queued pieces are not started, running ones stop at their next check. */
    public int cancel(String batch) {
        return new QueuedWorkRepository(db).cancel(batch);
    }

    /** Queues a batch's failed and cancelled pieces again, each in its lane; returns how many. */
    public int retry(String batch) {
        List<QueuedWork> again = new QueuedWorkRepository(db).requeue(batch);
        for (QueuedWork w : again) {
            TaskDescriptor<Long> lane = switch (w.lane()) {
                case "import" -> QueuedTasks.IMPORT;
                case "render" -> QueuedTasks.RENDER;
                default -> QueuedTasks.INFERENCE;
            };
            schedule(lane, List.of(w.id()));
        }
        return again.size();
    }

    @Override
    public void close() {
        pool.close();
    }
}
