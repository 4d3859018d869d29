package io.cutroom.catalog;

import io.cutroom.media.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The embedded catalog: one SQLite file in the data folder, in WAL mode, with a busy timeout. */
final class SqliteBackend implements CatalogBackend {
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int BUSY_ATTEMPTS = 3;
    /** Room for a few small writes (the journal's last word on a job) once the disk is full. */
    static final int RESERVE_BYTES = 128 * 1024;

    private final CatalogLocation.Embedded location;

    SqliteBackend(CatalogLocation.Embedded location) {
        this.location = location;
    }

    @Override
    public CatalogLocation location() {
        return location;
    }

    Path file() {
        return location.file();
    }

    @Override
    public String migrationFolder() {
        return "sqlite";
    }

    @Override
    public void prepare() {
        try {
            Files.createDirectories(location.dataFolder());
        } catch (IOException e) {
            throw new CatalogException("Cannot create the data folder " + location.dataFolder() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DataSource dataSource() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // A write takes the write lock when it begins, so a second process waits its turn (busy timeout)
        // instead of failing at once when its read turns into a write.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file());
        return source;
    }

    @Override
    public void opened() {
        keepReserve();
    }

    @Override
    public boolean mayRetry(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) return false;
        int primary = sqlite.getResultCode().code & 0xff; // BUSY_SNAPSHOT and the like share BUSY's low byte
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    @Override
    public int attempts() {
        return BUSY_ATTEMPTS;
    }

    /** Gives up the reserve file kept beside the catalog; it comes back the next time the catalog opens with room. */
    @Override
    public boolean makeRoom(SQLException e) {
        Path reserve = reserveFile();
        if (!isDiskFull(e) || !Files.exists(reserve)) return false;
        try {
            Files.delete(reserve);
            return true;
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public String integrityCheck(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("PRAGMA integrity_check")) {
            return r.next() ? r.getString(1) : "no answer";
        }
    }

    /** A full disk and a damaged file are said plainly. */
    @Override
    public String reason(SQLException e) {
        int primary = primaryCode(e);
        if (isDiskFull(e)) {
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

    /** The reserve file: {@link #RESERVE_BYTES} the catalog can give up when the disk fills. */
    Path reserveFile() {
        return file().resolveSibling(CatalogDb.FILE_NAME + ".reserve");
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
    private boolean isDiskFull(SQLException e) {
        int primary = primaryCode(e);
        return primary == SQLiteErrorCode.SQLITE_FULL.code
                || (primary == SQLiteErrorCode.SQLITE_IOERR.code && OutputFile.isDiskFull(file().toAbsolutePath().getParent(), e));
    }

    private static int primaryCode(SQLException e) {
        return e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
    }
}
