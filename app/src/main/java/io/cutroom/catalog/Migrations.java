package io.cutroom.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings a catalog up to the newest schema. The version lives in SQLite's {@code PRAGMA user_version},
 * so a catalog knows its own schema without an extra table. Migration N is the N-th entry of {@link #FILES}.
 */
final class Migrations {
    static final String FOLDER = "/io/cutroom/db/migration/";

    /** In order. Append new files; never edit or reorder one that has landed. */
    static final List<String> FILES = List.of(
            "V1__catalog.sql",
            "V2__renders_and_loudness.sql",
            "V3__shots.sql",
            "V4__tags.sql",
            "V5__reframe.sql",
            "V6__color.sql",
            "V7__playlists.sql",
            "V8__jobs.sql",
            "V9__reframe_widening.sql",
            "V10__curation.sql",
            "V11__catalog_changes.sql");

    private Migrations() {
    }

    static int latestVersion() {
        return FILES.size();
    }

    static void migrate(Connection connection) throws SQLException {
        int current = userVersion(connection);
        if (current > latestVersion()) {
            throw new CatalogException("This catalog was written by a newer Cutroom (schema " + current
                    + ", this version knows " + latestVersion() + "). Update Cutroom to open it.");
        }
        for (int version = current + 1; version <= latestVersion(); version++) {
            apply(connection, version, FILES.get(version - 1));
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection connection, int version, String file) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (String sql : statements(read(file))) {
                st.executeUpdate(sql);
            }
            st.executeUpdate("PRAGMA user_version = " + version);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new CatalogException("Could not upgrade the catalog to schema " + version + " (" + file + "): "
                    + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new CatalogException("Migration " + file + " is missing from the application.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException("Migration " + file + " could not be read.", e);
        }
    }

    /**
     * Splits a script at statement ends. A statement ends with ';' at the end of a line, except inside a
     * trigger, whose body runs until a line {@code END;}. Comment lines are dropped.
     */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (current.length() == 0 && trimmed.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            current.append(line).append('\n');
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                result.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
