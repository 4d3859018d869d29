package io.cutroom.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shot tags, shot embeddings and the editor's thresholds. An asset's results are replaced in one transaction. */
public final class TagRepository {
    private final CatalogDb db;

    public TagRepository(CatalogDb db) {
        this.db = db;
    }

    /** Replaces the asset's model tags and embeddings (custom tags too: they are recomputed with them). */
    public void replaceForAsset(long assetId, List<ShotTag> tags, List<ShotEmbedding> embeddings, String models) {
        db.write(c -> {
            delete(c, "DELETE FROM shot_tags WHERE asset_id = ?", assetId);
            delete(c, "DELETE FROM shot_embeddings WHERE asset_id = ?", assetId);
            insertTags(c, tags);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO shot_embeddings"
                    + " (asset_id, shot_idx, start_sec, end_sec, model, scale, vector) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (ShotEmbedding e : embeddings) {
                    st.setLong(1, e.assetId());
                    st.setInt(2, e.shotIndex());
                    st.setDouble(3, e.startSec());
                    st.setDouble(4, e.endSec());
                    st.setString(5, e.model());
                    st.setFloat(6, e.scale());
                    st.setBytes(7, e.codes());
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO tagging"
                    + " (asset_id, models, tagged_at, error) VALUES (?, ?, ?, NULL) ON CONFLICT (asset_id) DO UPDATE SET"
                    + " models = excluded.models, tagged_at = excluded.tagged_at, error = NULL")) {
                st.setLong(1, assetId);
                st.setString(2, models);
                st.setString(3, Instant.now().toString());
                st.executeUpdate();
            }
            return null;
        });
    }

    public void recordFailure(long assetId, String models, String error) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO tagging"
                    + " (asset_id, models, tagged_at, error) VALUES (?, ?, ?, ?) ON CONFLICT (asset_id) DO UPDATE SET"
                    + " models = excluded.models, tagged_at = excluded.tagged_at, error = excluded.error")) {
                st.setLong(1, assetId);
                st.setString(2, models);
                st.setString(3, Instant.now().toString());
                st.setString(4, error);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Replaces every shot tag with this name from this model (a custom tag's head) across the catalog. */
    public void replaceTag(String tag, String model, List<ShotTag> tags) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM shot_tags WHERE tag = ? AND model = ?")) {
                st.setString(1, tag);
                st.setString(2, model);
                st.executeUpdate();
            }
            insertTags(c, tags);
            return null;
        });
    }

    public List<ShotTag> forAsset(long assetId) {
        return db.read(c -> query(c, "SELECT asset_id, shot_idx, tag, confidence, start_sec, end_sec, model"
                + " FROM shot_tags WHERE asset_id = ? ORDER BY shot_idx, confidence DESC", st -> st.setLong(1, assetId)));
    }

    /** Every shot tag with this name at or above the confidence, best first. */
    public List<ShotTag> withTag(String tag, double minConfidence) {
        return db.read(c -> query(c, "SELECT asset_id, shot_idx, tag, confidence, start_sec, end_sec, model"
                + " FROM shot_tags WHERE tag = ? AND confidence >= ? ORDER BY confidence DESC, asset_id, shot_idx",
                st -> {
                    st.setString(1, tag);
                    st.setDouble(2, minConfidence);
                }));
    }

    /** Each asset's tags with the best confidence any of its shots reached: what cards and the tag filter show. */
    public Map<Long, Map<String, Double>> bestPerAsset() {
        return db.read(c -> {
            Map<Long, Map<String, Double>> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT asset_id, tag, MAX(confidence) FROM shot_tags GROUP BY asset_id, tag");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
                }
            }
            return out;
        });
    }

    /** The same as {@link #bestPerAsset} for these assets only; an asset without tags is not in the answer. */
    public Map<Long, Map<String, Double>> bestFor(Collection<Long> assetIds) {
        return db.read(c -> {
            Map<Long, Map<String, Double>> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT tag, MAX(confidence) FROM shot_tags WHERE asset_id = ? GROUP BY tag")) {
                for (long id : assetIds) {
                    st.setLong(1, id);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            out.computeIfAbsent(id, i -> new HashMap<>()).put(rs.getString(1), rs.getDouble(2));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Assets tagged without error, in one query: for finding what is left to tag in a large catalog. */
    public Set<Long> taggedAssetIds() {
        return db.read(c -> {
            Set<Long> out = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT asset_id FROM tagging WHERE error IS NULL");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        });
    }

    /** When the asset was last tagged without an error, if it was. */
    public Optional<Instant> taggedAt(long assetId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT tagged_at FROM tagging WHERE asset_id = ? AND error IS NULL")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    public boolean isTagged(long assetId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM tagging WHERE asset_id = ? AND error IS NULL")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public List<ShotEmbedding> embeddings() {
        return db.read(c -> embeddings(c, "SELECT asset_id, shot_idx, start_sec, end_sec, model, scale, vector"
                + " FROM shot_embeddings ORDER BY asset_id, shot_idx", st -> { }));
    }

    public List<ShotEmbedding> embeddingsOf(long assetId) {
        return db.read(c -> embeddings(c, "SELECT asset_id, shot_idx, start_sec, end_sec, model, scale, vector"
                + " FROM shot_embeddings WHERE asset_id = ? ORDER BY shot_idx", st -> st.setLong(1, assetId)));
    }

    public Map<String, Double> thresholds() {
        return db.read(c -> {
            Map<String, Double> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT tag, threshold FROM tag_thresholds");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getDouble(2));
            }
            return out;
        });
    }

    public void setThreshold(String tag, double threshold) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO tag_thresholds (tag, threshold) VALUES (?, ?)"
                    + " ON CONFLICT (tag) DO UPDATE SET threshold = excluded.threshold")) {
                st.setString(1, tag);
                st.setDouble(2, threshold);
                st.executeUpdate();
            }
            return null;
        });
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private static List<ShotTag> query(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            List<ShotTag> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new ShotTag(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getString(7)));
                }
            }
            return out;
        }
    }

    private static List<ShotEmbedding> embeddings(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            List<ShotEmbedding> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new ShotEmbedding(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getString(5), rs.getFloat(6), rs.getBytes(7)));
                }
            }
            return out;
        }
    }

    private static void insertTags(Connection c, List<ShotTag> tags) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO shot_tags"
                + " (asset_id, shot_idx, tag, confidence, start_sec, end_sec, model) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (asset_id, shot_idx, tag, model) DO UPDATE SET confidence = excluded.confidence,"
                + " start_sec = excluded.start_sec, end_sec = excluded.end_sec")) {
            for (ShotTag t : tags) {
                st.setLong(1, t.assetId());
                st.setInt(2, t.shotIndex());
                st.setString(3, t.tag());
                st.setDouble(4, t.confidence());
                st.setDouble(5, t.startSec());
                st.setDouble(6, t.endSec());
                st.setString(7, t.model());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void delete(Connection c, String sql, long assetId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, assetId);
            st.executeUpdate();
        }
    }
}
