package io.cutroom.cluster;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.cutroom.catalog.CatalogDb;
import java.util.Optional;

/**
 * The queue's lanes, as db-scheduler names its tasks. A node registers the lanes it serves, and db-scheduler hands it
 * only those. The data of each execution is its {@code queued_work} id, whose kind says what to do.
 */
final class QueuedTasks {
    /** Imports: hashing, probing and thumbnails of files on the shared media. */
    static final TaskDescriptor<Long> IMPORT = TaskDescriptor.of("import", Long.class);
    /** Tagging and the other work on the networks: a node serving the inference lane takes it. */
    static final TaskDescriptor<Long> INFERENCE = TaskDescriptor.of("inference", Long.class);
    /** Renders: a node serving the render lane takes them. */
    static final TaskDescriptor<Long> RENDER = TaskDescriptor.of("render", Long.class);

    private QueuedTasks() {
    }

    /** The SQL db-scheduler needs for this catalog: its own for PostgreSQL, found by itself; ours for SQLite. */
    static Optional<JdbcCustomization> sqlFor(CatalogDb db) {
        return db.shared() ? Optional.empty() : Optional.of(new SqliteQueueSql());
    }
}
