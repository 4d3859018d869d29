package io.cutroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration that has landed is never edited, since catalogs out there already ran it: every migration's
 * bytes must match the SHA-256 recorded when it landed ({@code landed-migrations.tsv}), and every migration
 * must be recorded.
 */
class LandedMigrationsTest {
    static final Path MIGRATIONS = Path.of("src", "main", "resources", "io", "cutroom", "db", "migration");

    @Test
    void everyLandedMigrationIsExactlyAsItLanded() throws Exception {
        Map<String, String> recorded = recorded();
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".sql")).toList()) {
                actual.put(MIGRATIONS.relativize(f).toString().replace('\\', '/'), sha256(f));
            }
        }
        assertThat(actual.keySet()).as("migrations without a recorded checksum: record them when they land")
                .containsExactlyInAnyOrderElementsOf(recorded.keySet());
        actual.forEach((name, hash) -> assertThat(hash).as(name + " was edited after it landed; add a new migration instead")
                .isEqualTo(recorded.get(name)));
    }

    private static Map<String, String> recorded() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = LandedMigrationsTest.class.getResourceAsStream("landed-migrations.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    out.put(cells[0].trim(), cells[1].trim());
                }
            }
        }
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
