package io.cutroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogDbTest {
    @TempDir
    Path home;

    @Test
    void opensWithWalForeignKeysAndTheLatestSchema() {
        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(db.file()).isEqualTo(home.resolve("catalog.sqlite")).exists();
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(db, "busy_timeout"))).isGreaterThanOrEqualTo(5000);
            assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void everyMigrationFileIsListedInOrder() throws Exception {
        Path folder = Path.of("src/main/resources/io/cutroom/db/migration");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(Migrations.FILES).containsExactlyInAnyOrderElementsOf(names);
        }
        for (int i = 0; i < Migrations.FILES.size(); i++) {
            assertThat(Migrations.FILES.get(i)).startsWith("V" + (i + 1) + "__");
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

    @Test
    void splitsScriptsAtStatementEndsButKeepsTriggerBodiesWhole() {
        List<String> statements = Migrations.statements("""
                -- comment
                CREATE TABLE a (x INTEGER);
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                    UPDATE a SET x = 1;
                END;
                CREATE INDEX i ON a (x);
                """);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).contains("UPDATE a SET x = 1;").endsWith("END;");
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
