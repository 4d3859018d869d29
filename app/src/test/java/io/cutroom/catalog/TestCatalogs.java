package io.cutroom.catalog;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the catalog a test works on. The catalog and use-case tests run twice: on the SQLite file in the test's
 * data folder, and, when {@code -Dcutroom.test.catalog=postgresql} is set (the build's second test run), on a
 * database of the test PostgreSQL server named after that folder, so reopening the same folder reopens the same
 * database.
 */
public final class TestCatalogs {
    public static final String PROPERTY = "cutroom.test.catalog";

    private TestCatalogs() {
    }

    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    /** Opens the catalog of {@code home}, on PostgreSQL in the second test run. */
    public static CatalogDb open(Path home) {
        prepare(home);
        CatalogDb db = CatalogDb.open(home);
        if (onPostgres() && !db.shared()) {
            db.close();
            throw new IllegalStateException("The PostgreSQL test run opened a SQLite catalog in " + home);
        }
        return db;
    }

    /**
     * In the PostgreSQL run, points the data folder at a database of its own, the way the studio's setting does
     * ({@code catalog.properties}), so that every later open of that folder, by a test or by the CLI, goes there.
     */
    public static void prepare(Path home) {
        if (!onPostgres() || Files.exists(home.resolve(CatalogLocation.SETTINGS_FILE))) return;
        String name = "t_" + Integer.toUnsignedString(home.toAbsolutePath().normalize().toString().hashCode(), 36);
        CatalogLocation.saveChoice(home, PostgresServer.get().database(name));
    }
}
