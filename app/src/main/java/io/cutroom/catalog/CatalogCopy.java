package io.cutroom.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Moves a whole catalog from one home to another (SQLite to PostgreSQL or back): every row of every table, with the
 * same ids, in one transaction on the target, then checked table by table by row count and a checksum of the rows as
 * both sides read them. The target must be empty, so nothing there is overwritten. The list of recent changes and
 * Flyway's history are the target's own and are not copied; nor is the scheduler's queue, so a catalog with work
 * still queued is not copied until that work is finished or cancelled.
 */
public final class CatalogCopy {
    /**
     * Every table, parents before the tables that point at them; each with the columns that order its rows the same
     * way on both sides. Collections come parents first through their own ids (a folder is made before what it holds).
     */
    static final List<Table> TABLES = List.of(
            new Table("assets", "id"),
            new Table("thumbnails", "asset_id, role"),
            new Table("jobs", "id"),
            new Table("renders", "id"),
            new Table("loudness", "asset_id"),
            new Table("shots", "asset_id, idx"),
            new Table("shot_tags", "asset_id, shot_idx, tag, model"),
            new Table("shot_embeddings", "asset_id, shot_idx"),
            new Table("tagging", "asset_id"),
            new Table("tag_thresholds", "tag"),
            new Table("custom_tags", "name"),
            new Table("custom_tag_examples", "tag, asset_id, shot_idx"),
            new Table("reframe_tracks", "asset_id, aspect"),
            new Table("grades", "asset_id"),
            new Table("profiles", "id"),
            new Table("events", "id"),
            new Table("playlists", "id"),
            new Table("asset_log", "asset_id"),
            new Table("markers", "id"),
            new Table("selects", "id"),
            new Table("collections", "id"),
            new Table("collection_items", "collection_id, asset_id"),
            new Table("queued_work", "id"));
    /** Tables whose ids the target hands out next: its counter must start after the copied ones. */
    private static final List<String> WITH_IDENTITY = List.of("assets", "jobs", "renders", "profiles", "events",
            "playlists", "markers", "selects", "collections", "queued_work");
    private static final int BATCH = 500;

    record Table(String name, String order) {
    }

    /** What arrived in one table: rows on each side and whether their checksums agree. */
    public record TableResult(String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum) {
        public boolean matches() {
            return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
        }
    }

    public record Result(List<TableResult> tables) {
        public boolean complete() {
            return tables.stream().allMatch(TableResult::matches);
        }

        public long rows() {
            return tables.stream().mapToLong(TableResult::targetRows).sum();
        }
    }

    private CatalogCopy() {
    }

    /** Copies {@code source} into the empty {@code target} and checks what arrived. */
    public static Result copy(CatalogDb source, CatalogDb target) {
        if (source.location().equals(target.location())) {
            throw new IllegalArgumentException("The catalog cannot be copied onto itself.");
        }
        if (source.schemaVersion() != target.schemaVersion()) {
            throw new IllegalArgumentException("The two catalogs are at different schema versions (" + source.schemaVersion()
                    + " and " + target.schemaVersion() + "): open both with this Cutroom first.");
        }
        long unfinished = source.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM queued_work WHERE state IN ('queued', 'running')")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (unfinished > 0) {
            throw new IllegalArgumentException("The catalog has " + unfinished + " queued pieces of work not finished yet:"
                    + " let the nodes finish them, or cancel them (cutroom queue cancel BATCH), then copy.");
        }
        String busy = target.read(CatalogCopy::firstNonEmptyTable);
        if (busy != null) {
            throw new IllegalArgumentException("The target catalog is not empty (its " + busy + " has rows), and a copy"
                    + " never overwrites: choose an empty database or folder.");
        }
        source.read(from -> target.write(to -> {
            for (Table table : TABLES) copyTable(from, to, table);
            if (target.shared()) restartIdentities(to);
            return null;
        }));
        List<TableResult> results = new ArrayList<>();
        for (Table table : TABLES) {
            String[] before = source.read(c -> summary(c, table));
            String[] after = target.read(c -> summary(c, table));
            results.add(new TableResult(table.name(), Long.parseLong(before[0]), Long.parseLong(after[0]), before[1], after[1]));
        }
        return new Result(results);
    }

    private static String firstNonEmptyTable(Connection c) throws SQLException {
        for (Table table : TABLES) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM " + table.name() + " LIMIT 1")) {
                if (rs.next()) return table.name();
            }
        }
        return null;
    }

    private static void copyTable(Connection from, Connection to, Table table) throws SQLException {
        boolean selfReference = table.name().equals("jobs"); // resumed_by points at a later job: set once all exist
        try (Statement read = from.createStatement();
             ResultSet rs = read.executeQuery("SELECT * FROM " + table.name() + " ORDER BY " + table.order())) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) columns.add(meta.getColumnName(i).toLowerCase());
            String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            List<long[]> resumed = new ArrayList<>();
            try (PreparedStatement write = to.prepareStatement(sql)) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = portable(rs.getObject(i));
                        if (selfReference && columns.get(i - 1).equals("resumed_by") && value != null) {
                            resumed.add(new long[] {rs.getLong("id"), ((Number) value).longValue()});
                            value = null;
                        }
                        write.setObject(i, value);
                    }
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) write.executeBatch();
            }
            if (!resumed.isEmpty()) {
                try (PreparedStatement st = to.prepareStatement("UPDATE jobs SET resumed_by = ? WHERE id = ?")) {
                    for (long[] pair : resumed) {
                        st.setLong(1, pair[1]);
                        st.setLong(2, pair[0]);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
        }
    }

    /** Numbers, text and bytes cross as they are; a server's own types (citext) cross as their text. */
    private static Object portable(Object value) {
        return value == null || value instanceof Number || value instanceof String || value instanceof byte[]
                ? value : value.toString();
    }

    private static void restartIdentities(Connection to) throws SQLException {
        try (Statement st = to.createStatement()) {
            for (String table : WITH_IDENTITY) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((SELECT max(id) FROM "
                        + table + "), 0) + 1, false)");
            }
        }
    }

    /**
     * The table's row count and a SHA-256 over its rows, each value written the same way whichever database it came
     * from: whole numbers as integers, others as doubles, text as UTF-8, bytes as they are. Rows are hashed one by one
     * and the row hashes sorted, so the two servers' ways of ordering text do not matter.
     */
    private static String[] summary(Connection c, Table table) throws SQLException {
        List<String> rowHashes = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table.name())) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) columns.add(meta.getColumnName(i).toLowerCase());
            List<String> sorted = columns.stream().sorted().toList(); // column order may differ after ALTER TABLE
            while (rs.next()) {
                MessageDigest row = sha256();
                for (String column : sorted) {
                    row.update(column.getBytes(StandardCharsets.UTF_8));
                    update(row, portable(rs.getObject(column)));
                }
                rowHashes.add(HexFormat.of().formatHex(row.digest()));
            }
        }
        MessageDigest all = sha256();
        rowHashes.stream().sorted().forEach(h -> all.update(h.getBytes(StandardCharsets.US_ASCII)));
        return new String[] {Integer.toString(rowHashes.size()), HexFormat.of().formatHex(all.digest()).substring(0, 16)};
    }

    private static void update(MessageDigest digest, Object value) {
        if (value == null) {
            digest.update((byte) 0);
        } else if (value instanceof byte[] bytes) {
            digest.update((byte) 1);
            digest.update(bytes);
        } else if (value instanceof Number n && !(n instanceof Integer || n instanceof Long)
                && n.doubleValue() != Math.rint(n.doubleValue())) {
            digest.update((byte) 2);
            digest.update(ByteBuffer.allocate(8).putDouble(n.doubleValue()).array());
        } else if (value instanceof Number n) {
            digest.update((byte) 3);
            digest.update(ByteBuffer.allocate(8).putLong(n.longValue()).array());
        } else {
            digest.update((byte) 4);
            digest.update(value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
