package io.cutroom.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings a catalog up to the newest schema with Flyway, from {@code db/migration/sqlite} or
 * {@code db/migration/postgresql}. A version number means the same tables in both dialects. SQLite catalogs made
 * before Flyway kept their version in {@code PRAGMA user_version}; Flyway takes them over at that version. SQLite's
 * {@code user_version} is still kept up to date, so an older Cutroom sees that the catalog is newer than it.
 */
final class Migrations {
    static final String FOLDER = "io/cutroom/db/migration/";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {
    }

    static void migrate(CatalogBackend backend, Connection connection) throws SQLException {
        boolean sqlite = backend instanceof SqliteBackend;
        int legacy = sqlite ? userVersion(connection) : 0;
        FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(backend.dataSource())
                .locations("classpath:" + FOLDER + backend.migrationFolder())
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true);
        if (legacy > 0 && !hasHistory(connection)) {
            config.baselineOnMigrate(true).baselineVersion(MigrationVersion.fromVersion(Integer.toString(legacy)))
                    .baselineDescription("catalog made before Flyway");
        }
        Flyway flyway = config.load();
        MigrationInfo[] known = flyway.info().all(); // one scan of the migrations and the history for both numbers
        int latest = latestVersion(known);
        int current = Math.max(legacy, appliedVersion(known));
        if (current > latest) {
            throw new CatalogException("This catalog was written by a newer Cutroom (schema " + current
                    + ", this version knows " + latest + "). Update Cutroom to open it.");
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new CatalogException("Could not upgrade the catalog to schema " + latest + ": " + e.getMessage(), e);
        }
        if (sqlite) {
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("PRAGMA user_version = " + latest);
            }
        }
    }

    /** The newest schema this Cutroom knows, from the migrations it carries. */
    private static int latestVersion(MigrationInfo[] known) {
        int latest = 0;
        for (MigrationInfo info : known) {
            if (info.getVersion() != null && info.getState().isResolved() && !info.getType().isSynthetic()) {
                latest = Math.max(latest, major(info.getVersion()));
            }
        }
        return latest;
    }

    private static int appliedVersion(MigrationInfo[] known) {
        int applied = 0;
        for (MigrationInfo info : known) {
            if (info.getVersion() != null && info.getState().isApplied()) applied = Math.max(applied, major(info.getVersion()));
        }
        return applied;
    }

    /** The schema version a catalog is at, from Flyway's history. */
    static int currentVersion(Connection connection) throws SQLException {
        int current = 0;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + HISTORY_TABLE + " WHERE success AND version IS NOT NULL")) {
            while (rs.next()) current = Math.max(current, major(MigrationVersion.fromVersion(rs.getString(1))));
        }
        return current;
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasHistory(Connection connection) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, null, HISTORY_TABLE, null)) {
            return rs.next();
        }
    }

    private static int major(MigrationVersion version) {
        return version.getMajor().intValueExact();
    }
}
