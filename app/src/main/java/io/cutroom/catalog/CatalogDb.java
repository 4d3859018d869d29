package io.cutroom.catalog;

import io.cutroom.media.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The catalog: one SQLite file in the data folder, migrated before anything reads it.
 * One connection serves every caller in turn, which makes it the single writer that SQLite wants;
 * each {@link #write} is one transaction, so a failure leaves the catalog as it was.
 */
public final class CatalogDb implements AutoCloseable {
    public static final String FILE_NAME = "catalog.sqlite";
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int BUSY_ATTEMPTS = 3;
    /** Room for a few small writes (the journal's last word on a job) once the disk is full. */
    static final int RESERVE_BYTES = 128 * 1024;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private CatalogDb(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the catalog in the data folder chosen by {@link DataFolder}. */
    public static CatalogDb openDefault() {
        return open(DataFolder.resolve());
    }

    public static CatalogDb open(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new CatalogException("Cannot create the data folder " + dataFolder + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // A write takes the write lock when it begins, so a second process waits its turn (busy timeout)
        // instead of failing at once when its read turns into a write.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file);
            try {
                Migrations.migrate(connection);
            } catch (RuntimeException | SQLException e) {
                connection.close();
                throw e;
            }
            CatalogDb db = new CatalogDb(file, connection);
            db.keepReserve();
            int interrupted = db.write(JobJournal::markInterrupted);
            if (interrupted > 0) {
                LoggerFactory.getLogger(CatalogDb.class).debug("{} interrupted job(s) found in {}", interrupted, file);
            }
            return db;
        } catch (SQLException e) {
            throw new CatalogException("Cannot open the catalog " + file + ": " + reason(file, e), e);
        }
    }

    public Path file() {
        return file;
    }

    public int schemaVersion() {
        return read(Migrations::userVersion);
    }

    /** SQLite's own check of the whole file: "ok" when sound, otherwise the first problem it found. */
    public String integrityCheck() {
        return read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("PRAGMA integrity_check")) {
                return r.next() ? r.getString(1) : "no answer";
            }
        });
    }

    /** Runs a read. Reads see only committed data. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new CatalogException("The catalog could not be read: " + reason(file, e), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a write as one transaction: all of it lands, or none of it. When another process (the studio
     * and the CLI share a catalog) holds the write lock beyond the busy timeout, the whole transaction is
     * tried again a few times before the user hears about it.
     */
    public <T> T write(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(work);
            } catch (CatalogException e) {
                if (attempt >= BUSY_ATTEMPTS || !isBusy(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A write that must land even when the disk has just filled, such as the journal saying that a job failed
     * because it did: if the disk is full, the reserve file kept beside the catalog is given up to make room,
     * and the write is tried once more. The reserve comes back the next time the catalog opens with room.
     */
    public <T> T writeEvenWhenFull(SqlWork<T> work) {
        try {
            return write(work);
        } catch (CatalogException e) {
            Path reserve = reserveFile();
            if (!(e.getCause() instanceof SQLException sql) || !isDiskFull(file, sql) || !Files.exists(reserve)) throw e;
            try {
                Files.delete(reserve);
            } catch (IOException gone) {
                throw e;
            }
            return write(work);
        }
    }

    /** The reserve file: {@link #RESERVE_BYTES} the catalog can give up when the disk fills. */
    private Path reserveFile() {
        return file.resolveSibling(FILE_NAME + ".reserve");
    }

    private void keepReserve() {
        Path reserve = reserveFile();
        try {
            if (Files.exists(reserve) && Files.size(reserve) == RESERVE_BYTES) return;
            Files.write(reserve, new byte[RESERVE_BYTES]);
        } catch (IOException noRoom) {
            try {
                Files.deleteIfExists(reserve); // never a half-written reserve: it would free less than it claims
            } catch (IOException e) {
                noRoom.addSuppressed(e);
            }
        }
    }

    /**
     * SQLite reports a full disk as SQLITE_FULL or, when the write-ahead log's shared memory cannot grow, as a
     * bare I/O error; the folder's free space tells those apart from other I/O errors.
     */
    private static boolean isDiskFull(Path file, SQLException e) {
        int primary = primaryCode(e);
        return primary == SQLiteErrorCode.SQLITE_FULL.code
                || (primary == SQLiteErrorCode.SQLITE_IOERR.code && OutputFile.isDiskFull(file.toAbsolutePath().getParent(), e));
    }

    private static int primaryCode(SQLException e) {
        return e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
    }

    private static boolean isBusy(CatalogException e) {
        if (!(e.getCause() instanceof SQLiteException sqlite)) {
            return false;
        }
        int primary = sqlite.getResultCode().code & 0xff; // BUSY_SNAPSHOT and the like share BUSY's low byte
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private <T> T writeOnce(SqlWork<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                undo(e);
                throw e;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new CatalogException("The catalog could not store this change: " + reason(file, e), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Rolls back after {@code failure} and returns to autocommit. On some errors (a full disk among them) SQLite has
     * rolled the transaction back itself, so both steps may fail with "no transaction is active"; those failures
     * go with {@code failure} as suppressed ones instead of hiding it.
     */
    private void undo(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * What went wrong, in words: a full disk and a damaged file are said plainly. SQLite reports a full disk as
     * SQLITE_FULL, or, when the write-ahead log's shared memory cannot grow, as a bare I/O error.
     */
    static String reason(Path file, SQLException e) {
        int primary = primaryCode(e);
        if (isDiskFull(file, e)) {
            return "the disk it is on is full. Free some space and try again.";
        }
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code || primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return "the file is damaged or is not a Cutroom catalog (" + e.getMessage() + ").";
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return "the file or its folder cannot be written to (read-only).";
        }
        return e.getMessage();
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
