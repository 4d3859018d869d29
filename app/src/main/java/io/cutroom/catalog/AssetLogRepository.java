package io.cutroom.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Ratings, flags, colour labels and descriptions, one row per logged asset. */
public final class AssetLogRepository {
    private final CatalogDb db;

    public AssetLogRepository(CatalogDb db) {
        this.db = db;
    }

    public AssetLog of(long assetId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT rating, flag, label, description FROM asset_log WHERE asset_id = ?")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? log(rs) : AssetLog.NONE;
                }
            }
        });
    }

    /** Every logged asset's log, in one query, for filtering a large catalog. */
    public Map<Long, AssetLog> all() {
        return db.read(c -> {
            Map<Long, AssetLog> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT asset_id, rating, flag, label, description FROM asset_log");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong("asset_id"), log(rs));
                }
            }
            return out;
        });
    }

    /** The logs of these assets; an asset never logged (or gone) is not in the answer. */
    public Map<Long, AssetLog> of(Collection<Long> assetIds) {
        Map<Long, AssetLog> out = new HashMap<>();
        for (long id : assetIds) {
            AssetLog log = of(id);
            if (!log.equals(AssetLog.NONE)) out.put(id, log);
        }
        return out;
    }

    /** One part of a log, so that two editors changing different parts of the same asset's log keep both. */
    public enum Field {
        RATING("rating"), FLAG("flag"), LABEL("label"), DESCRIPTION("description");

        private final String column;

        Field(String column) {
            this.column = column;
        }
    }

    /** Stores the whole log, as a sidecar read from disk gives it. */
    public void save(long assetId, AssetLog log) {
        db.write(c -> upsert(c, assetId, log, Field.values()));
    }

    /**
     * Stores only {@code fields} of {@code log}; the asset's other fields stay as they are in the catalog, whoever
     * changed them last. Returns the log as stored afterwards.
     */
    public AssetLog save(long assetId, AssetLog log, Field... fields) {
        return db.write(c -> {
            upsert(c, assetId, log, fields);
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT rating, flag, label, description FROM asset_log WHERE asset_id = ?")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return log(rs);
                }
            }
        });
    }

    private static Void upsert(Connection c, long assetId, AssetLog log, Field... fields) throws SQLException {
        StringBuilder set = new StringBuilder();
        for (Field f : fields) set.append(f.column).append(" = excluded.").append(f.column).append(", ");
        try (PreparedStatement st = c.prepareStatement("INSERT INTO asset_log (asset_id, rating, flag, label, description,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (asset_id) DO UPDATE SET " + set
                + "updated_at = excluded.updated_at")) {
            st.setLong(1, assetId);
            st.setInt(2, log.rating());
            st.setString(3, log.flag().id());
            st.setString(4, log.label() == null ? null : log.label().id());
            st.setString(5, log.description());
            st.setString(6, Instant.now().toString());
            st.executeUpdate();
        }
        return null;
    }

    private static AssetLog log(ResultSet rs) throws SQLException {
        String label = rs.getString("label");
        return new AssetLog(rs.getInt("rating"), AssetLog.Flag.parse(rs.getString("flag")),
                label == null ? null : AssetLog.Label.parse(label), rs.getString("description"));
    }
}
