package io.cutroom.catalog;

import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobSummary;
import io.cutroom.media.render.RenderPipeline;
import java.nio.file.Path;
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
 * The catalog's record of long jobs. Each job is written down when it starts, with its arguments and the
 * process that runs it, and again when it ends. If that process dies first, the job stays 'running' with
 * a dead owner; {@link #markInterrupted} finds such jobs so the user can resume them.
 */
public final class JobJournal {
    public enum Kind {
        IMPORT, TAG, RENDER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        RUNNING, DONE, FAILED, CANCELLED, INTERRUPTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Entry(long id, Kind kind, String title, String args, Status status, String message, Long resumedBy,
                        Instant startedAt, Instant finishedAt) {
        /** An interrupted job nobody has resumed or dismissed yet: offered to the editor. */
        public boolean resumable() {
            return status == Status.INTERRUPTED && resumedBy == null;
        }

        /** Interrupted or failed, and not taken up again yet: {@code cutroom resume} may run it again. */
        public boolean retryable() {
            return (status == Status.INTERRUPTED || status == Status.FAILED) && resumedBy == null;
        }
    }

    /** The work of a journaled job; it learns its journal id (a render links its row to it). */
    public interface Body<T, E extends Exception> {
        T run(long journalId) throws E;
    }

    private final CatalogDb db;

    public JobJournal(CatalogDb db) {
        this.db = db;
    }

    /**
     * Runs {@code body} as a journaled job: written down as running first, then as done (with the
     * result's summary), cancelled or failed (with the reason). A kill in between leaves it running,
     * which the next open of the catalog turns into interrupted.
     */
    public <T, E extends Exception> T record(Kind kind, String title, String args, Body<T, E> body) throws E {
        long id = started(kind, title, args);
        try {
            T result = body.run(id);
            ended(id, Status.DONE, result instanceof JobSummary s ? s.summary() : null);
            return result;
        } catch (JobCancelledException e) {
            ended(id, Status.CANCELLED, "Cancelled.");
            throw e;
        } catch (Exception | Error e) {
            ended(id, Status.FAILED, ErrorSentence.of(e));
            throw e;
        }
    }

    public long started(Kind kind, String title, String args) {
        ProcessHandle self = ProcessHandle.current();
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO jobs (kind, title, args, status, owner_pid,"
                    + " owner_started, started_at, owner_host) VALUES (?, ?, ?, 'running', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, kind.id());
                st.setString(2, title);
                st.setString(3, args);
                st.setLong(4, self.pid());
                st.setString(5, self.info().startInstant().map(Instant::toString).orElse(null));
                st.setString(6, Instant.now().toString());
                st.setString(7, MachineName.get());
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public void ended(long id, Status status, String message) {
        db.writeEvenWhenFull(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE jobs SET status = ?, message = ?, finished_at = ? WHERE id = ?")) {
                st.setString(1, status.id());
                st.setString(2, message);
                st.setString(3, Instant.now().toString());
                st.setLong(4, id);
                return st.executeUpdate();
            }
        });
    }

    /**
     * Records that the first job of the same kind this process started after {@code sinceId} ran the rest
     * of {@code older}, so the older one is not offered again.
     */
    public void resumedBy(long older, long sinceId) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE jobs SET resumed_by = (SELECT MIN(n.id) FROM jobs n"
                    + " WHERE n.id > ? AND n.kind = jobs.kind AND n.owner_pid = ? AND n.owner_host = ?) WHERE id = ?")) {
                st.setLong(1, sinceId);
                st.setLong(2, ProcessHandle.current().pid());
                st.setString(3, MachineName.get());
                st.setLong(4, older);
                return st.executeUpdate();
            }
        });
    }

    /** The editor chose not to resume this job: it is closed by pointing at itself. */
    public void dismiss(long id) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE jobs SET resumed_by = id WHERE id = ?")) {
                st.setLong(1, id);
                return st.executeUpdate();
            }
        });
    }

    /** The newest job's id, or 0. */
    public long latestId() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM jobs")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public Optional<Entry> find(long id) {
        List<Entry> found = query("SELECT * FROM jobs WHERE id = " + id);
        return found.stream().findFirst();
    }

    /** The latest jobs first. */
    public List<Entry> recent(int limit) {
        return query("SELECT * FROM jobs ORDER BY id DESC LIMIT " + Math.max(1, limit));
    }

    /** Interrupted jobs not yet resumed or dismissed, latest first. */
    public List<Entry> resumable() {
        return recent(200).stream().filter(Entry::resumable).toList();
    }

    private List<Entry> query(String sql) {
        return db.read(c -> {
            List<Entry> entries = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    long resumedBy = rs.getLong("resumed_by");
                    boolean open = rs.wasNull();
                    entries.add(new Entry(rs.getLong("id"), Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                            rs.getString("title"), rs.getString("args"),
                            Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("message"),
                            open ? null : resumedBy, Instant.parse(rs.getString("started_at")),
                            rs.getString("finished_at") == null ? null : Instant.parse(rs.getString("finished_at"))));
                }
            }
            return entries;
        });
    }

    /**
     * Marks the jobs whose process is gone as interrupted, and their renders as failed, in one
     * transaction. A process counts as gone when no process has its id, or one does but started at
     * another time (the id was reused). Jobs another machine runs on a shared catalog are that machine's to judge.
     */
    static int markInterrupted(Connection c) throws SQLException {
        List<Long> orphans = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, owner_pid, owner_started, owner_host FROM jobs WHERE status = 'running'")) {
            String here = MachineName.get();
            while (rs.next()) {
                String host = rs.getString(4);
                if ((host == null || host.equals(here)) && !ownerAlive(rs.getLong(2), rs.getString(3))) {
                    orphans.add(rs.getLong(1));
                }
            }
        }
        if (orphans.isEmpty()) {
            return 0;
        }
        removePartialRenders(c, orphans);
        String now = Instant.now().toString();
        try (PreparedStatement job = c.prepareStatement("UPDATE jobs SET status = 'interrupted', finished_at = ?,"
                + " message = 'Cutroom stopped while this job ran (a crash, a kill or a power cut).' WHERE id = ?");
             PreparedStatement render = c.prepareStatement("UPDATE renders SET status = 'failed', finished_at = ?,"
                     + " error = 'Interrupted: Cutroom stopped during this render; no finished file was written.'"
                     + " WHERE job_id = ? AND status = 'running'")) {
            for (long id : orphans) {
                job.setString(1, now);
                job.setLong(2, id);
                job.addBatch();
                render.setString(1, now);
                render.setLong(2, id);
                render.addBatch();
            }
            job.executeBatch();
            render.executeBatch();
        }
        return orphans.size();
    }

    /** The hidden files an interrupted render was writing are of no use; they never had the finished name. */
    private static void removePartialRenders(Connection c, List<Long> jobs) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT output_path FROM renders WHERE job_id = ? AND status = 'running'")) {
            for (long job : jobs) {
                st.setLong(1, job);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        RenderPipeline.removeWorkingFiles(Path.of(rs.getString(1)));
                    }
                }
            }
        }
    }

    private static boolean ownerAlive(long pid, String started) {
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return false;
        }
        if (started == null) {
            return true;
        }
        return owner.get().info().startInstant().map(s -> s.toString().equals(started)).orElse(true);
    }
}
