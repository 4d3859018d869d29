package io.cutroom.catalog;

import io.cutroom.audio.Loudness;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Render rows and loudness measurements. A render row exists from the moment it starts, so a crash shows too. */
public final class RenderRepository {
    private final CatalogDb db;

    public RenderRepository(CatalogDb db) {
        this.db = db;
    }

    public long started(long assetId, Path output, String preset, String settingsJson) {
        return started(assetId, output, preset, settingsJson, null);
    }

    /** @param jobId the journaled job making this render, so an interrupted one can be recognised */
    public long started(long assetId, Path output, String preset, String settingsJson, Long jobId) {
        return db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO renders (asset_id, output_path, preset,"
                    + " settings_json, status, started_at, job_id) VALUES (?, ?, ?, ?, 'running', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                st.setLong(1, assetId);
                st.setString(2, output.toString());
                st.setString(3, preset);
                st.setString(4, settingsJson);
                st.setString(5, Instant.now().toString());
                if (jobId == null) st.setNull(6, Types.BIGINT); else st.setLong(6, jobId);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public void finished(long renderId, int width, int height, long frames, double durationSec, double elapsedSec) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE renders SET status = 'done', width = ?, height = ?,"
                    + " frames = ?, duration_sec = ?, elapsed_sec = ?, finished_at = ? WHERE id = ?")) {
                st.setInt(1, width);
                st.setInt(2, height);
                st.setLong(3, frames);
                st.setDouble(4, durationSec);
                st.setDouble(5, elapsedSec);
                st.setString(6, Instant.now().toString());
                st.setLong(7, renderId);
                return st.executeUpdate();
            }
        });
    }

    public void ended(long renderId, RenderRecord.Status status, String error) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE renders SET status = ?, error = ?, finished_at = ? WHERE id = ?")) {
                st.setString(1, status.id());
                st.setString(2, error);
                st.setString(3, Instant.now().toString());
                st.setLong(4, renderId);
                return st.executeUpdate();
            }
        });
    }

    /** Renders of an asset, newest first. */
    public List<RenderRecord> forAsset(long assetId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, asset_id, output_path, preset, settings_json, status,"
                    + " width, height, frames, duration_sec, elapsed_sec, error, started_at, finished_at FROM renders"
                    + " WHERE asset_id = ? ORDER BY started_at DESC, id DESC")) {
                st.setLong(1, assetId);
                List<RenderRecord> result = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        result.add(map(rs));
                    }
                }
                return result;
            }
        });
    }

    public void saveLoudness(long assetId, Loudness loudness) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO loudness (asset_id, integrated_lufs, true_peak_dbtp,"
                    + " measured_at) VALUES (?, ?, ?, ?) ON CONFLICT (asset_id) DO UPDATE SET integrated_lufs ="
                    + " excluded.integrated_lufs, true_peak_dbtp = excluded.true_peak_dbtp, measured_at = excluded.measured_at")) {
                st.setLong(1, assetId);
                setFinite(st, 2, loudness.integratedLufs());
                setFinite(st, 3, loudness.truePeakDbtp());
                st.setString(4, Instant.now().toString());
                return st.executeUpdate();
            }
        });
    }

    /** The stored measurement; silence (stored as null) reads back as negative infinity. */
    public Optional<Loudness> loudness(long assetId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT integrated_lufs, true_peak_dbtp FROM loudness WHERE asset_id = ?")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Loudness(orSilence(rs, 1), orSilence(rs, 2)));
                }
            }
        });
    }

    private static RenderRecord map(ResultSet rs) throws SQLException {
        String finished = rs.getString("finished_at");
        return new RenderRecord(rs.getLong("id"), rs.getLong("asset_id"), Path.of(rs.getString("output_path")),
                rs.getString("preset"), rs.getString("settings_json"), RenderRecord.Status.fromId(rs.getString("status")),
                integer(rs, "width"), integer(rs, "height"),
                rs.getObject("frames") == null ? null : rs.getLong("frames"),
                rs.getObject("duration_sec") == null ? null : rs.getDouble("duration_sec"),
                rs.getObject("elapsed_sec") == null ? null : rs.getDouble("elapsed_sec"), rs.getString("error"),
                Instant.parse(rs.getString("started_at")), finished == null ? null : Instant.parse(finished));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static void setFinite(PreparedStatement st, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            st.setDouble(index, value);
        } else {
            st.setNull(index, Types.REAL);
        }
    }

    private static double orSilence(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NEGATIVE_INFINITY : value;
    }
}
