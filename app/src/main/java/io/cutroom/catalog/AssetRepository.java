package io.cutroom.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.Thumbnail;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes assets. Every write of an asset and its thumbnails is one transaction. */
public final class AssetRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() { };
    private static final String COLUMNS = "id, path, kind, size_bytes, sha256, duration_sec, width, height, fps,"
            + " rotation, pixel_format, video_codec, audio_codec, sample_rate, channels, container, bit_rate,"
            + " tags_json, created_at, imported_at, status, error";

    private final CatalogDb db;

    public AssetRepository(CatalogDb db) {
        this.db = db;
    }

    /** What is known of a file before it is saved: where it is and what its bytes are. */
    public record FileFacts(Path path, long sizeBytes, String sha256) {
    }

    public Optional<Asset> find(long id) {
        return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM assets WHERE id = ?", id));
    }

    public Optional<Asset> findBySha256(String sha256) {
        return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM assets WHERE sha256 = ?", sha256));
    }

    public Optional<Asset> findByPath(Path path) {
        return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM assets WHERE path = ?", path.toString()));
    }

    public List<Asset> all() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM assets ORDER BY id")) {
                return list(st);
            }
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM assets"); ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Saves a probed asset with its thumbnails, replacing the row {@code replacing} (a failed attempt or an
     * older version of the same path) when given. Returns the asset's id.
     */
    public long saveReady(FileFacts file, MediaInfo info, List<Thumbnail> thumbnails, Long replacing) {
        return db.write(c -> {
            long id = upsert(c, file, info.kind(), info, AssetStatus.READY, null, replacing);
            ThumbnailRepository.replaceAll(c, id, thumbnails);
            return id;
        });
    }

    /** The asset's file was rewritten on purpose (metadata put into it): its size and content hash are now these. */
    public void rehash(long id, long sizeBytes, String sha256) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE assets SET size_bytes = ?, sha256 = ? WHERE id = ?")) {
                st.setLong(1, sizeBytes);
                st.setString(2, sha256);
                st.setLong(3, id);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** The asset's file was moved or renamed: the row, and all that hangs on its id, now points at {@code path}. */
    public void relocate(long id, Path path) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE assets SET path = ? WHERE id = ?")) {
                st.setString(1, path.toString());
                st.setLong(2, id);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Records a file that could not be imported, with the reason, so the editor can see and retry it. */
    public long saveFailed(FileFacts file, MediaKind guessedKind, String error, Long replacing) {
        return db.write(c -> {
            long id = upsert(c, file, guessedKind, null, AssetStatus.FAILED, error, replacing);
            ThumbnailRepository.replaceAll(c, id, List.of());
            return id;
        });
    }

    private static long upsert(Connection c, FileFacts file, MediaKind kind, MediaInfo info, AssetStatus status,
                               String error, Long replacing) throws SQLException {
        String sql = replacing == null
                ? "INSERT INTO assets (path, kind, size_bytes, sha256, duration_sec, width, height, fps, rotation,"
                    + " pixel_format, video_codec, audio_codec, sample_rate, channels, container, bit_rate, tags_json,"
                    + " created_at, imported_at, status, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                : "UPDATE assets SET path = ?, kind = ?, size_bytes = ?, sha256 = ?, duration_sec = ?, width = ?,"
                    + " height = ?, fps = ?, rotation = ?, pixel_format = ?, video_codec = ?, audio_codec = ?,"
                    + " sample_rate = ?, channels = ?, container = ?, bit_rate = ?, tags_json = ?, created_at = ?,"
                    + " imported_at = ?, status = ?, error = ? WHERE id = ?";
        try (PreparedStatement st = replacing == null
                ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql)) {
            int i = 0;
            st.setString(++i, file.path().toString());
            st.setString(++i, kind == null ? null : kind.id());
            st.setLong(++i, file.sizeBytes());
            st.setString(++i, file.sha256());
            setDouble(st, ++i, info == null ? null : info.durationSec());
            setInt(st, ++i, info == null ? null : info.width());
            setInt(st, ++i, info == null ? null : info.height());
            setDouble(st, ++i, info == null ? null : info.fps());
            st.setInt(++i, info == null ? 0 : info.rotationCw());
            st.setString(++i, info == null ? null : info.pixelFormat());
            st.setString(++i, info == null ? null : info.videoCodec());
            st.setString(++i, info == null ? null : info.audioCodec());
            setInt(st, ++i, info == null ? null : info.sampleRate());
            setInt(st, ++i, info == null ? null : info.channels());
            st.setString(++i, info == null ? null : info.container());
            if (info == null || info.bitRate() == null) {
                st.setNull(++i, Types.INTEGER);
            } else {
                st.setLong(++i, info.bitRate());
            }
            st.setString(++i, tagsJson(info == null ? Map.of() : info.tags()));
            st.setString(++i, info == null || info.createdAt() == null ? null : info.createdAt().toString());
            st.setString(++i, Instant.now().toString());
            st.setString(++i, status.id());
            st.setString(++i, error);
            if (replacing != null) {
                st.setLong(++i, replacing);
            }
            st.executeUpdate();
            if (replacing != null) {
                return replacing;
            }
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Optional<Asset> one(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, key);
            List<Asset> found = list(st);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<Asset> list(PreparedStatement st) throws SQLException {
        List<Asset> result = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                result.add(map(rs));
            }
        }
        return result;
    }

    private static Asset map(ResultSet rs) throws SQLException {
        String kindId = rs.getString("kind");
        MediaKind kind = kindId == null ? null : MediaKind.fromId(kindId);
        AssetStatus status = AssetStatus.fromId(rs.getString("status"));
        MediaInfo info = null;
        if (status == AssetStatus.READY) {
            String created = rs.getString("created_at");
            info = new MediaInfo(kind, rs.getString("container"), getDouble(rs, "duration_sec"),
                    getInt(rs, "width"), getInt(rs, "height"), getDouble(rs, "fps"), rs.getInt("rotation"),
                    rs.getString("pixel_format"), rs.getString("video_codec"), rs.getString("audio_codec"),
                    getInt(rs, "sample_rate"), getInt(rs, "channels"), getLong(rs, "bit_rate"),
                    parseTags(rs.getString("tags_json")), created == null ? null : Instant.parse(created));
        }
        return new Asset(rs.getLong("id"), Path.of(rs.getString("path")), kind, rs.getLong("size_bytes"),
                rs.getString("sha256"), info, Instant.parse(rs.getString("imported_at")), status, rs.getString("error"));
    }

    private static String tagsJson(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new CatalogException("Container tags could not be stored: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, String> parseTags(String json) {
        try {
            return JSON.readValue(json, TAGS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static void setDouble(PreparedStatement st, int index, Double value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.REAL);
        } else {
            st.setDouble(index, value);
        }
    }

    private static void setInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    private static Double getDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer getInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
