package io.cutroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogDbTest {
    /** The newest schema: the highest version in the migration folders. */
    static final int LATEST = 13;

    @TempDir
    Path home;

    @Test
    void opensWithWalForeignKeysAndTheLatestSchema() {
        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(db.file()).isEqualTo(home.resolve("catalog.sqlite")).exists();
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(db, "busy_timeout"))).isGreaterThanOrEqualTo(5000);
            assertThat(db.schemaVersion()).isEqualTo(LATEST);
        }
    }

    @Test
    void bothDialectsHaveTheSameSchemaVersions() throws Exception {
        List<Integer> sqlite = versions("sqlite");
        List<Integer> postgresql = versions("postgresql");
        assertThat(sqlite).as("SQLite's migrations run from 1 without a gap")
                .isEqualTo(IntStream.rangeClosed(1, sqlite.size()).boxed().toList());
        assertThat(postgresql).as("a PostgreSQL catalog starts at 11 and gets every later version too")
                .isEqualTo(IntStream.rangeClosed(11, LATEST).boxed().toList());
    }

    @Test
    void aCatalogMadeBeforeFlywayIsTakenOverAtItsVersionAndUpgraded() throws Exception {
        Path file = home.resolve(CatalogDb.FILE_NAME);
        Files.createDirectories(home);
        // What an earlier Cutroom left: schema 11, counted in user_version, with no Flyway history.
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:io/cutroom/db/migration/sqlite").target("11").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE flyway_schema_history");
            st.executeUpdate("PRAGMA user_version = 11");
            st.executeUpdate("INSERT INTO assets (id, path, kind, size_bytes, sha256, imported_at, status)"
                    + " VALUES (7, '/a.mp4', 'video', 1, 'abc', '2026-01-01T00:00:00Z', 'ready')");
            st.executeUpdate("INSERT INTO collections (id, name, created_at) VALUES (3, 'Keep', '2026-01-01T00:00:00Z')");
            st.executeUpdate("INSERT INTO collection_items VALUES (3, 7, '2026-01-01T00:00:00Z')");
        }
        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(db.schemaVersion()).isEqualTo(LATEST);
            assertThat(new AssetRepository(db).find(7)).isPresent();
            assertThat(new CollectionRepository(db).members(3)).containsExactly(7L);
            assertThat(pragma(db, "user_version")).isEqualTo(Integer.toString(LATEST));
        }
    }

    @Test
    void aFailedWriteLeavesTheCatalogAsItWas() {
        try (CatalogDb db = CatalogDb.open(home)) {
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO assets (path, kind, size_bytes, sha256, imported_at, status)"
                            + " VALUES ('/a.mp4', 'video', 1, 'abc', '2026-01-01T00:00:00Z', 'ready')");
                    st.executeUpdate("INSERT INTO assets (path, kind, size_bytes, sha256, imported_at, status)"
                            + " VALUES ('/b.mp4', 'video', 1, 'abc', '2026-01-01T00:00:00Z', 'ready')");
                }
                return null;
            })).isInstanceOf(CatalogException.class);
            assertThat(new AssetRepository(db).count()).isZero();
        }
    }

    @Test
    void aCatalogFromANewerVersionIsRefusedWithAClearMessage() {
        try (CatalogDb db = CatalogDb.open(home)) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("PRAGMA user_version = 999");
                }
                return null;
            });
        }
        assertThatThrownBy(() -> CatalogDb.open(home)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("newer Cutroom");
    }

    private static List<Integer> versions(String dialect) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/io/cutroom/db/migration", dialect))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        }
    }

    private static String pragma(CatalogDb db, String name) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
