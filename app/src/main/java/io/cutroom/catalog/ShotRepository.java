package io.cutroom.catalog;

import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The shots of each video, replaced whole when a clip is analysed again. */
public final class ShotRepository {
    private final CatalogDb db;

    public ShotRepository(CatalogDb db) {
        this.db = db;
    }

    public void replace(long assetId, List<Shot> shots, String detector) {
        db.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM shots WHERE asset_id = ?")) {
                delete.setLong(1, assetId);
                delete.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO shots (asset_id, idx, start_sec, end_sec, detector) VALUES (?, ?, ?, ?, ?)")) {
                for (Shot shot : shots) {
                    st.setLong(1, assetId);
                    st.setInt(2, shot.index());
                    st.setDouble(3, shot.startSec());
                    st.setDouble(4, shot.endSec());
                    st.setString(5, detector);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** Stores the shots a pass found, by the shot detector's cuts (its own pass, or reframing's or tagging's). */
    public void storeFound(long assetId, List<Shot> shots) {
        replace(assetId, shots, ShotDetector.NAME);
    }

    /** The stored shots in order; empty when the clip was never analysed. */
    public List<Shot> forAsset(long assetId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT idx, start_sec, end_sec FROM shots WHERE asset_id = ? ORDER BY idx")) {
                st.setLong(1, assetId);
                List<Shot> shots = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        shots.add(new Shot(rs.getInt(1), rs.getDouble(2), rs.getDouble(3)));
                    }
                }
                return shots;
            }
        });
    }
}
