package io.cutroom.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Custom tags: the example shots an editor marked, and the trained head with its measured accuracy. */
public final class CustomTagRepository {
    private final CatalogDb db;

    public CustomTagRepository(CatalogDb db) {
        this.db = db;
    }

    public record Example(long assetId, int shotIndex, boolean positive) {
    }

    public record CustomTag(String name, byte[] head, int examples, int counter, Double looAccuracy) {
    }

    /** Adds examples (a shot marked again replaces its earlier mark, so a correction flips it). */
    public void mark(String tag, List<Example> examples) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO custom_tags (name) VALUES (?) ON CONFLICT DO NOTHING")) {
                st.setString(1, tag);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO custom_tag_examples"
                    + " (tag, asset_id, shot_idx, positive) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (tag, asset_id, shot_idx) DO UPDATE SET positive = excluded.positive")) {
                for (Example e : examples) {
                    st.setString(1, tag);
                    st.setLong(2, e.assetId());
                    st.setInt(3, e.shotIndex());
                    st.setInt(4, e.positive() ? 1 : 0);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    public List<Example> examples(String tag) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT asset_id, shot_idx, positive FROM custom_tag_examples WHERE tag = ? ORDER BY asset_id, shot_idx")) {
                st.setString(1, tag);
                List<Example> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(new Example(rs.getLong(1), rs.getInt(2), rs.getInt(3) == 1));
                }
                return out;
            }
        });
    }

    public void saveHead(String tag, byte[] head, int examples, int counter, double looAccuracy) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE custom_tags SET head = ?, examples = ?, counter = ?,"
                    + " loo_accuracy = ?, trained_at = ? WHERE name = ?")) {
                st.setBytes(1, head);
                st.setInt(2, examples);
                st.setInt(3, counter);
                st.setDouble(4, looAccuracy);
                st.setString(5, Instant.now().toString());
                st.setString(6, tag);
                st.executeUpdate();
            }
            return null;
        });
    }

    public List<CustomTag> all() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT name, head, examples, counter, loo_accuracy FROM custom_tags WHERE head IS NOT NULL ORDER BY name");
                 ResultSet rs = st.executeQuery()) {
                List<CustomTag> out = new ArrayList<>();
                while (rs.next()) {
                    double loo = rs.getDouble(5);
                    out.add(new CustomTag(rs.getString(1), rs.getBytes(2), rs.getInt(3), rs.getInt(4), rs.wasNull() ? null : loo));
                }
                return out;
            }
        });
    }
}
