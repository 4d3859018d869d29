package io.cutroom.catalog;

import io.cutroom.media.Thumbnail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pictures made for each asset, stored in the catalog so they move and back up with it. */
public final class ThumbnailRepository {
    private final CatalogDb db;

    public ThumbnailRepository(CatalogDb db) {
        this.db = db;
    }

    public Optional<Thumbnail> find(long assetId, Thumbnail.Role role) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT role, mime, width, height, frame_count, image FROM thumbnails WHERE asset_id = ? AND role = ?")) {
                st.setLong(1, assetId);
                st.setString(2, role.id());
                List<Thumbnail> found = list(st);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** What stands for an asset on a card, best first: its poster, else its cover, else its waveform. */
    public static final List<Thumbnail.Role> CARD_ROLES =
            List.of(Thumbnail.Role.POSTER, Thumbnail.Role.COVER, Thumbnail.Role.WAVEFORM);

    /** The picture that best stands for an asset on a card. */
    public Optional<Thumbnail> cardPicture(long assetId) {
        for (Thumbnail.Role role : CARD_ROLES) {
            Optional<Thumbnail> found = find(assetId, role);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public List<Thumbnail> all(long assetId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT role, mime, width, height, frame_count, image FROM thumbnails WHERE asset_id = ? ORDER BY role")) {
                st.setLong(1, assetId);
                return list(st);
            }
        });
    }

    static void replaceAll(Connection c, long assetId, List<Thumbnail> thumbnails) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM thumbnails WHERE asset_id = ?")) {
            delete.setLong(1, assetId);
            delete.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO thumbnails"
                + " (asset_id, role, mime, width, height, frame_count, image) VALUES (?,?,?,?,?,?,?)")) {
            for (Thumbnail t : thumbnails) {
                st.setLong(1, assetId);
                st.setString(2, t.role().id());
                st.setString(3, t.mime());
                st.setInt(4, t.width());
                st.setInt(5, t.height());
                st.setInt(6, t.frameCount());
                st.setBytes(7, t.bytes());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static List<Thumbnail> list(PreparedStatement st) throws SQLException {
        List<Thumbnail> result = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                result.add(new Thumbnail(Thumbnail.Role.fromId(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getBytes(6)));
            }
        }
        return result;
    }
}
