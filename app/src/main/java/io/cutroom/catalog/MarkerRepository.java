package io.cutroom.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Markers (a note at a time) and selects (named subclips with in and out points) on assets. */
public final class MarkerRepository {
    private final CatalogDb db;

    public MarkerRepository(CatalogDb db) {
        this.db = db;
    }

    public record Marker(long id, long assetId, double atSec, String note) {
    }

    public record Select(long id, long assetId, String name, double inSec, double outSec) {
        public double durationSec() {
            return outSec - inSec;
        }
    }

    public Marker addMarker(long assetId, double atSec, String note) {
        long id = insert("INSERT INTO markers (asset_id, at_sec, note, created_at) VALUES (?, ?, ?, ?)",
                assetId, atSec, note, null);
        return new Marker(id, assetId, atSec, note);
    }

    public Select addSelect(long assetId, String name, double inSec, double outSec) {
        long id = insert("INSERT INTO selects (asset_id, in_sec, name, created_at, out_sec) VALUES (?, ?, ?, ?, ?)",
                assetId, inSec, name, outSec);
        return new Select(id, assetId, name, inSec, outSec);
    }

    public List<Marker> markers(long assetId) {
        return db.read(c -> {
            List<Marker> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, at_sec, note FROM markers WHERE asset_id = ? ORDER BY at_sec, id")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(new Marker(rs.getLong(1), assetId, rs.getDouble(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    public List<Select> selects(long assetId) {
        return db.read(c -> {
            List<Select> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, name, in_sec, out_sec FROM selects WHERE asset_id = ? ORDER BY in_sec, id")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Select(rs.getLong(1), assetId, rs.getString(2), rs.getDouble(3), rs.getDouble(4)));
                    }
                }
            }
            return out;
        });
    }

    /** Takes a marker away; false when there was none with that id. */
    public boolean removeMarker(long markerId) {
        return delete("DELETE FROM markers WHERE id = ?", markerId);
    }

    /** Takes a select away; false when there was none with that id. */
    public boolean removeSelect(long selectId) {
        return delete("DELETE FROM selects WHERE id = ?", selectId);
    }

    private boolean delete(String sql, long id) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, id);
                return st.executeUpdate() > 0;
            }
        });
    }

    /** Inserts a marker or a select: the asset, a time, a text, the creation time, and for a select its out point. */
    private long insert(String sql, long assetId, double time, String text, Double outSec) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                st.setLong(1, assetId);
                st.setDouble(2, time);
                st.setString(3, text);
                st.setString(4, Instant.now().toString());
                if (outSec != null) st.setDouble(5, outSec);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }
}
