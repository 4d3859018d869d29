package io.cutroom.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What editors see of work spread over the machines sharing a catalog (the {@code queued_work} table): each piece,
 * the request it belongs to, the node that runs or ran it, its progress, and a cancel any studio can set. The queue
 * itself, with picking and heartbeats, is db-scheduler's {@code scheduled_tasks}.
 */
public final class QueuedWorkRepository {
    public enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    public record QueuedWork(long id, String batch, String lane, String kind, Long assetId, String args, State state,
                             String node, int attempts, long done, long total, String message, Instant queuedAt,
                             Instant startedAt, Instant finishedAt) {
    }

    private final CatalogDb db;

    public QueuedWorkRepository(CatalogDb db) {
        this.db = db;
    }

    /** Adds one piece of work per asset to a new batch; returns their ids in the order of {@code assetIds}. */
    public List<Long> add(String batch, String lane, String kind, List<Long> assetIds, String args) {
        return db.write(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("INSERT INTO queued_work (batch, lane, kind, asset_id, args, state,"
                    + " queued_at) VALUES (?, ?, ?, ?, ?, 'queued', ?)", Statement.RETURN_GENERATED_KEYS)) {
                String now = Instant.now().toString();
                for (long assetId : assetIds) {
                    st.setString(1, batch);
                    st.setString(2, lane);
                    st.setString(3, kind);
                    st.setLong(4, assetId);
                    st.setString(5, args);
                    st.setString(6, now);
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Adds one import per file to a new batch: the asset is made when a node has imported the file. */
    public List<Long> addImports(String batch, List<String> argsPerFile) {
        return db.write(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("INSERT INTO queued_work (batch, lane, kind, args, state, queued_at)"
                    + " VALUES (?, 'import', 'import', ?, 'queued', ?)", Statement.RETURN_GENERATED_KEYS)) {
                String now = Instant.now().toString();
                for (String args : argsPerFile) {
                    st.setString(1, batch);
                    st.setString(2, args);
                    st.setString(3, now);
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Links an import to the asset it made (or found already there). */
    public void madeAsset(long id, long assetId) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE queued_work SET asset_id = ? WHERE id = ?")) {
                st.setLong(1, assetId);
                st.setLong(2, id);
                return st.executeUpdate();
            }
        });
    }

    public Optional<QueuedWork> find(long id) {
        List<QueuedWork> found = query("SELECT * FROM queued_work WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<QueuedWork> batch(String batch) {
        return query("SELECT * FROM queued_work WHERE batch = ? ORDER BY id", batch);
    }

    /** The batches with work not finished, and those finished since {@code since}; the latest first, at most {@code limit}. */
    public List<String> activeBatches(Instant since, int limit) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT batch FROM queued_work WHERE state IN ('queued', 'running')"
                    + " OR finished_at >= ? GROUP BY batch ORDER BY max(id) DESC LIMIT " + Math.max(1, limit))) {
                st.setString(1, since.toString());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The latest work first. */
    public List<QueuedWork> recent(int limit) {
        return query("SELECT * FROM queued_work ORDER BY id DESC LIMIT " + Math.max(1, limit));
    }

    /**
     * Takes the work for {@code node}, unless it is finished or cancelled: returns the row as it was before, or empty
     * when there is nothing to do. A piece a dead node left running is taken over, with one more attempt counted.
     */
    public Optional<QueuedWork> start(long id, String node) {
        return db.write(c -> {
            Optional<QueuedWork> before = one(c, id);
            if (before.isEmpty() || before.get().state().finished()) return Optional.<QueuedWork>empty();
            try (PreparedStatement st = c.prepareStatement("UPDATE queued_work SET state = 'running', node = ?,"
                    + " attempts = attempts + 1, started_at = ?, message = NULL WHERE id = ?")) {
                st.setString(1, node);
                st.setString(2, Instant.now().toString());
                st.setLong(3, id);
                st.executeUpdate();
            }
            return before;
        });
    }

    /** Progress of a running piece, as its node reports it; false once someone cancelled it. */
    public boolean progress(long id, long done, long total) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE queued_work SET done = ?, total = ? WHERE id = ? AND state = 'running'")) {
                st.setLong(1, done);
                st.setLong(2, total);
                st.setLong(3, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Ends a piece: done, failed (with the reason) or cancelled. A cancelled piece stays cancelled. */
    public void finish(long id, State state, String message) {
        db.writeEvenWhenFull(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE queued_work SET state = ?, message = ?, finished_at = ?"
                    + " WHERE id = ? AND state <> 'cancelled'")) {
                st.setString(1, state.id());
                st.setString(2, message);
                st.setString(3, Instant.now().toString());
                st.setLong(4, id);
                return st.executeUpdate();
            }
        });
    }

    /** Puts the failed and cancelled pieces of a batch back in the queue; returns them (their lanes say where to go). */
    public List<QueuedWork> requeue(String batch) {
        return db.write(c -> {
            List<QueuedWork> again = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM queued_work WHERE batch = ? AND state IN ('failed', 'cancelled')")) {
                st.setString(1, batch);
                again.addAll(list(st));
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE queued_work SET state = 'queued', message = NULL, node = NULL,"
                    + " finished_at = NULL, done = 0, total = 0 WHERE batch = ? AND state IN ('failed', 'cancelled')")) {
                st.setString(1, batch);
                st.executeUpdate();
            }
            return again;
        });
    }

    /** Cancels what of a batch has not finished; a node running a piece stops at its next check. Returns how many. */
    public int cancel(String batch) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE queued_work SET state = 'cancelled', finished_at = ?,"
                    + " message = 'Cancelled.' WHERE batch = ? AND state IN ('queued', 'running')")) {
                st.setString(1, Instant.now().toString());
                st.setString(2, batch);
                return st.executeUpdate();
            }
        });
    }

    private List<QueuedWork> query(String sql, Object... params) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) st.setObject(i + 1, params[i]);
                return list(st);
            }
        });
    }

    private static Optional<QueuedWork> one(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM queued_work WHERE id = ?")) {
            st.setLong(1, id);
            List<QueuedWork> found = list(st);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<QueuedWork> list(PreparedStatement st) throws SQLException {
        List<QueuedWork> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new QueuedWork(rs.getLong("id"), rs.getString("batch"), rs.getString("lane"), rs.getString("kind"),
                        rs.getObject("asset_id") == null ? null : rs.getLong("asset_id"), rs.getString("args"),
                        State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getString("node"),
                        rs.getInt("attempts"), rs.getLong("done"), rs.getLong("total"), rs.getString("message"),
                        instant(rs.getString("queued_at")), instant(rs.getString("started_at")),
                        instant(rs.getString("finished_at"))));
            }
        }
        return out;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
