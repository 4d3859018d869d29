package io.cutroom.cluster;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.cutroom.catalog.CatalogDb;
import java.util.Optional;

/** The kinds of work on the queue, as db-scheduler names them; the data of each is its {@code queued_work} id. */
final class QueuedTasks {
    static final TaskDescriptor<Long> TAG = TaskDescriptor.of("tag", Long.class);

    private QueuedTasks() {
    }

    /** The SQL db-scheduler needs for this catalog: its own for PostgreSQL, found by itself; ours for SQLite. */
    static Optional<JdbcCustomization> sqlFor(CatalogDb db) {
        return db.shared() ? Optional.empty() : Optional.of(new SqliteQueueSql());
    }
}
