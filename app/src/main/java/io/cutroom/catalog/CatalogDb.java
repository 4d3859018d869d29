package io.cutroom.catalog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * The catalog: a SQLite file in the data folder, or a database on a PostgreSQL server shared by several
 * workstations ({@link CatalogLocation}), migrated before anything reads it. One connection serves every caller
 * in turn, which makes it the single writer that SQLite wants; each {@link #write} is one transaction, so a
 * failure leaves the catalog as it was.
 */
public final class CatalogDb implements AutoCloseable {
    public static final String FILE_NAME = "catalog.sqlite";

    private final CatalogBackend backend;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    private CatalogDb(CatalogBackend backend, Connection connection) {
        this.backend = backend;
        this.connection = connection;
    }

    /** Opens the catalog of the data folder chosen by {@link DataFolder}. */
    public static CatalogDb openDefault() {
        return open(DataFolder.resolve());
    }

    /** Opens the catalog this data folder uses: its SQLite file, unless a shared catalog is chosen. */
    public static CatalogDb open(Path dataFolder) {
        return open(CatalogLocation.in(dataFolder));
    }

    public static CatalogDb open(CatalogLocation location) {
        CatalogBackend backend = CatalogBackend.of(location);
        backend.prepare();
        try {
            Connection connection = backend.dataSource().getConnection();
            try {
                Migrations.migrate(backend, connection);
            } catch (RuntimeException | SQLException e) {
                connection.close();
                throw e;
            }
            CatalogDb db = new CatalogDb(backend, connection);
            backend.opened();
            int interrupted = db.write(JobJournal::markInterrupted);
            if (interrupted > 0) {
                LoggerFactory.getLogger(CatalogDb.class).debug("{} interrupted job(s) found in {}", interrupted, location.describe());
            }
            return db;
        } catch (SQLException e) {
            String what = location instanceof CatalogLocation.Shared ? location.describe() : "the catalog " + location.describe();
            throw new CatalogException("Cannot open " + what + ": " + backend.reason(e), e);
        }
    }

    public CatalogLocation location() {
        return backend.location();
    }

    /** The SQLite file, or null for a catalog on a server. */
    public Path file() {
        return backend instanceof SqliteBackend sqlite ? sqlite.file() : null;
    }

    /**
     * A pool of connections of its own, for a library that manages its own transactions (the work queue's
     * scheduler). On PostgreSQL they run READ COMMITTED: the scheduler's optimistic locking is built for that.
     */
    public HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(backend.dataSource());
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        if (shared()) config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return new HikariDataSource(config);
    }

    public boolean shared() {
        return backend instanceof PostgresBackend;
    }

    public int schemaVersion() {
        return read(Migrations::currentVersion);
    }

    /** The database's own check: "ok" when sound, otherwise the first problem it found. */
    public String integrityCheck() {
        return read(backend::integrityCheck);
    }

    /** Runs a read. Reads see only committed data. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connected());
        } catch (SQLException e) {
            throw new CatalogException("The catalog could not be read: " + backend.reason(e), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a write as one transaction: all of it lands, or none of it. When another process holds the catalog
     * beyond SQLite's busy timeout, or PostgreSQL refuses a transaction that conflicted with another, the whole
     * transaction is tried again before the user hears about it.
     */
    public <T> T write(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(work);
            } catch (CatalogException e) {
                if (attempt >= backend.attempts() || !(e.getCause() instanceof SQLException sql) || !backend.mayRetry(sql)
                        || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                backend.pauseBeforeRetry();
            }
        }
    }

    /**
     * A write that must land even when the disk has just filled, such as the journal saying that a job failed
     * because it did: if the disk is full and the backend can make room, the write is tried once more.
     */
    public <T> T writeEvenWhenFull(SqlWork<T> work) {
        try {
            return write(work);
        } catch (CatalogException e) {
            if (!(e.getCause() instanceof SQLException sql) || !backend.makeRoom(sql)) throw e;
            return write(work);
        }
    }

    private <T> T writeOnce(SqlWork<T> work) {
        lock.lock();
        try {
            Connection c = connected();
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                undo(c, e);
                throw e;
            }
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new CatalogException("The catalog could not store this change: " + backend.reason(e), e);
        } finally {
            lock.unlock();
        }
    }

    /** The connection, opened again if a server restart or a network break closed it. */
    private Connection connected() throws SQLException {
        if (connection.isClosed()) {
            connection = backend.dataSource().getConnection();
        }
        return connection;
    }

    /**
     * Rolls back after {@code failure} and returns to autocommit. On some errors (a full disk among them) SQLite has
     * rolled the transaction back itself, so both steps may fail with "no transaction is active"; those failures
     * go with {@code failure} as suppressed ones instead of hiding it.
     */
    private static void undo(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CatalogException("The catalog did not close cleanly: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
