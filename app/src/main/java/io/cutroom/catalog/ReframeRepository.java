package io.cutroom.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Stored crop tracks from reframing: one per asset and aspect, replaced when reframed again. */
public final class ReframeRepository {
    private final CatalogDb db;

    public ReframeRepository(CatalogDb db) {
        this.db = db;
    }

    /**
     * A stored track with the JSON of its track, shot plans and signals, and the widening the editor allowed
     * ({@code widen}: off, full or a factor) with its {@code fill} (pad or blur).
     */
    public record Stored(long assetId, String aspect, String style, String weights, String track, String shots,
                         String signals, String pins, String locks, Instant createdAt, String widen, String fill) {
        /** A track made without widening. */
        public Stored(long assetId, String aspect, String style, String weights, String track, String shots,
                      String signals, String pins, String locks, Instant createdAt) {
            this(assetId, aspect, style, weights, track, shots, signals, pins, locks, createdAt, "off", "blur");
        }
    }

    public void save(Stored stored) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO reframe_tracks"
                    + " (asset_id, aspect, style, weights, track, shots, signals, pins, locks, created_at, widen, fill)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (asset_id, aspect) DO UPDATE SET"
                    + " style = excluded.style, weights = excluded.weights, track = excluded.track, shots = excluded.shots,"
                    + " signals = excluded.signals, pins = excluded.pins, locks = excluded.locks,"
                    + " created_at = excluded.created_at, widen = excluded.widen, fill = excluded.fill")) {
                st.setLong(1, stored.assetId());
                st.setString(2, stored.aspect());
                st.setString(3, stored.style());
                st.setString(4, stored.weights());
                st.setString(5, stored.track());
                st.setString(6, stored.shots());
                st.setString(7, stored.signals());
                st.setString(8, stored.pins());
                st.setString(9, stored.locks());
                st.setString(10, stored.createdAt().toString());
                st.setString(11, stored.widen());
                st.setString(12, stored.fill());
                st.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Stored> find(long assetId, String aspect) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT asset_id, aspect, style, weights, track, shots, signals,"
                    + " pins, locks, created_at, widen, fill FROM reframe_tracks WHERE asset_id = ? AND aspect = ?")) {
                st.setLong(1, assetId);
                st.setString(2, aspect);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            Instant.parse(rs.getString(10)), rs.getString(11), rs.getString(12)));
                }
            }
        });
    }
}
