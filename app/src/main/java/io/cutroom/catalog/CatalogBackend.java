package io.cutroom.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What differs between the catalog's two homes, SQLite and PostgreSQL: how to connect, where each dialect's
 * migrations are, which failures are worth trying again, and how a failure is said to the user. The SQL the
 * repositories run is the same on both.
 */
sealed interface CatalogBackend permits SqliteBackend, PostgresBackend {
    static CatalogBackend of(CatalogLocation location) {
        return location instanceof CatalogLocation.Shared shared
                ? new PostgresBackend(shared) : new SqliteBackend((CatalogLocation.Embedded) location);
    }

    CatalogLocation location();

    /** The folder of this dialect's migrations, under {@code db/migration/}. */
    String migrationFolder();

    /** Connections for Flyway and for the catalog, set up as the catalog needs them. */
    DataSource dataSource();

    /** Called before the first connection: the data folder is made here. */
    default void prepare() {
    }

    /** Called once the catalog is open and migrated. */
    default void opened() {
    }

    /** Another process held the catalog, or a concurrent write conflicted: the whole transaction may run again. */
    boolean mayRetry(SQLException e);

    /** Waits before a transaction that {@link #mayRetry} runs again; SQLite's busy timeout has waited already. */
    default void pauseBeforeRetry() {
    }

    /** How many times a transaction that {@link #mayRetry} is tried before the user hears about it. */
    int attempts();

    /**
     * The disk filled. Returns true when room was made for one more small write (SQLite gives up a reserve file
     * kept beside the catalog); false when nothing more can be done.
     */
    boolean makeRoom(SQLException e);

    /** The database's own check of itself: "ok" when sound, otherwise the first problem it found. */
    String integrityCheck(Connection c) throws SQLException;

    /** What went wrong, as a sentence the user can act on. */
    String reason(SQLException e);
}
