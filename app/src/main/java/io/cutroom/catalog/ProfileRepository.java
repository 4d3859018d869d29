package io.cutroom.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Viewer profiles, their play history, and saved playlists. */
public final class ProfileRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> EVENT_KINDS = List.of("play", "complete", "skip", "like", "dislike");

    private final CatalogDb db;

    public ProfileRepository(CatalogDb db) {
        this.db = db;
    }

    public record Profile(long id, String name, List<String> interests, boolean demo) {
    }

    public record Event(long profileId, long assetId, String kind, Double positionSec, Instant at) {
    }

    /** A playlist kept in the catalog: its items as JSON [{id, title, duration, score, explanation}]. */
    public record SavedPlaylist(long id, long profileId, String recommender, double minutes, String items, Instant createdAt) {
    }

    /** Adds a profile; a name already taken (ignoring case) is refused with a sentence. */
    public Profile add(String name, List<String> interests, boolean demo) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A profile needs a name.");
        }
        if (find(clean).isPresent()) {
            throw new IllegalArgumentException("There is already a profile called " + clean + ".");
        }
        List<String> tags = interests.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .distinct().toList();
        long id = db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO profiles (name, interests, demo, created_at) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, clean);
                st.setString(2, json(tags));
                st.setInt(3, demo ? 1 : 0);
                st.setString(4, Instant.now().toString());
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new Profile(id, clean, tags, demo);
    }

    public Optional<Profile> find(String name) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, name, interests, demo FROM profiles WHERE lower(name) = lower(?)")) {
                st.setString(1, name.strip());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(profile(rs)) : Optional.<Profile>empty();
                }
            }
        });
    }

    public List<Profile> all() {
        return db.read(c -> {
            List<Profile> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, name, interests, demo FROM profiles ORDER BY demo, name");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(profile(rs));
                }
            }
            return out;
        });
    }

    public void record(long profileId, long assetId, String kind, Double positionSec) {
        if (!EVENT_KINDS.contains(kind)) {
            throw new IllegalArgumentException("'" + kind + "' is not an event; use one of " + String.join(", ", EVENT_KINDS) + ".");
        }
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO events (profile_id, asset_id, kind, position_sec, at) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, profileId);
                st.setLong(2, assetId);
                st.setString(3, kind);
                if (positionSec == null) {
                    st.setNull(4, Types.REAL);
                } else {
                    st.setDouble(4, positionSec);
                }
                st.setString(5, Instant.now().toString());
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Every event of every profile, oldest first. */
    public List<Event> events() {
        return db.read(c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT profile_id, asset_id, kind, position_sec, at FROM events ORDER BY at, id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    double pos = rs.getDouble(4);
                    Double position = rs.wasNull() ? null : pos;
                    out.add(new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), position, Instant.parse(rs.getString(5))));
                }
            }
            return out;
        });
    }

    public void savePlaylist(long profileId, String recommender, double minutes, String itemsJson) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO playlists (profile_id, recommender, minutes, items, created_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, profileId);
                st.setString(2, recommender);
                st.setDouble(3, minutes);
                st.setString(4, itemsJson);
                st.setString(5, Instant.now().toString());
                st.executeUpdate();
            }
            return null;
        });
    }

    /** The viewer's saved playlists, newest first. */
    public List<SavedPlaylist> playlists(long profileId) {
        return db.read(c -> {
            List<SavedPlaylist> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, profile_id, recommender, minutes, items, created_at"
                    + " FROM playlists WHERE profile_id = ? ORDER BY created_at DESC, id DESC")) {
                st.setLong(1, profileId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SavedPlaylist(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4),
                                rs.getString(5), Instant.parse(rs.getString(6))));
                    }
                }
            }
            return out;
        });
    }

    private static Profile profile(ResultSet rs) throws SQLException {
        List<String> interests;
        try {
            interests = JSON.readValue(rs.getString(3), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            interests = List.of();
        }
        return new Profile(rs.getLong(1), rs.getString(2), interests, rs.getInt(4) == 1);
    }

    private static String json(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
