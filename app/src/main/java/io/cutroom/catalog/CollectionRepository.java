package io.cutroom.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Collections: manual ones hold the assets put in them (an asset may be in many), smart ones a saved search,
 * and any collection may hold others, as folders do. Names are unique within their parent, ignoring case.
 */
public final class CollectionRepository {
    private final CatalogDb db;

    public CollectionRepository(CatalogDb db) {
        this.db = db;
    }

    /** A collection; {@code smart} is its saved search, null for a manual one; {@code parentId} null at the top. */
    public record Collection(long id, String name, Long parentId, String smart) {
        public boolean isSmart() {
            return smart != null;
        }
    }

    /** Creates a collection; a name already taken in the same parent is refused with a sentence. */
    public Collection create(String name, Long parentId, String smart) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("A collection needs a name.");
        }
        if (clean.contains("/")) {
            throw new IllegalArgumentException("A collection's name cannot hold '/': it separates a folder from what it holds.");
        }
        if (find(clean, parentId).isPresent()) {
            throw new IllegalArgumentException("There is already a collection called " + clean + " there.");
        }
        long id = db.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO collections (name, parent_id, smart, created_at) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, clean);
                if (parentId == null) st.setNull(2, Types.INTEGER); else st.setLong(2, parentId);
                st.setString(3, smart);
                st.setString(4, Instant.now().toString());
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new Collection(id, clean, parentId, smart);
    }

    /** The collection called {@code name} within {@code parentId} (null: at the top), ignoring case. */
    public Optional<Collection> find(String name, Long parentId) {
        return all().stream().filter(c -> c.name().equalsIgnoreCase(name.strip()) && Objects.equals(c.parentId(), parentId))
                .findFirst();
    }

    /** Every collection, folders before what they hold, by name. */
    public List<Collection> all() {
        return db.read(c -> {
            List<Collection> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, name, parent_id, smart FROM collections ORDER BY coalesce(parent_id, 0), lower(name), name");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(collection(rs));
            }
            return out;
        });
    }

    /** Puts the assets in a manual collection; those already in it stay once. Returns how many were added. */
    public int add(long collectionId, List<Long> assetIds) {
        return db.write(c -> {
            int added = 0;
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO collection_items (collection_id, asset_id, added_at, position) VALUES (?, ?, ?,"
                    + " (SELECT coalesce(max(position), 0) + 1 FROM collection_items WHERE collection_id = ?))"
                    + " ON CONFLICT DO NOTHING")) {
                String now = Instant.now().toString();
                for (long assetId : assetIds) {
                    st.setLong(1, collectionId);
                    st.setLong(2, assetId);
                    st.setString(3, now);
                    st.setLong(4, collectionId);
                    st.addBatch();
                }
                for (int n : st.executeBatch()) added += Math.max(0, n);
            }
            return added;
        });
    }

    /** The assets put in a manual collection, in the order they were added. */
    public List<Long> members(long collectionId) {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT asset_id FROM collection_items WHERE collection_id = ? ORDER BY position, asset_id")) {
                st.setLong(1, collectionId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** The manual collections that hold this asset. */
    public List<Collection> collectionsOf(long assetId) {
        return db.read(c -> {
            List<Collection> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT c.id, c.name, c.parent_id, c.smart FROM collections c"
                    + " JOIN collection_items i ON i.collection_id = c.id WHERE i.asset_id = ? ORDER BY c.id")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(collection(rs));
                }
            }
            return out;
        });
    }

    /** For each asset in any manual collection, the names of those collections (for searches by collection). */
    public Map<Long, Set<String>> memberships() {
        return db.read(c -> {
            Map<Long, Set<String>> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT i.asset_id, c.name FROM collection_items i"
                    + " JOIN collections c ON c.id = i.collection_id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2));
            }
            return out;
        });
    }

    /** The same as {@link #memberships} for these assets only; an asset in no collection is not in the answer. */
    public Map<Long, Set<String>> membershipsOf(Iterable<Long> assetIds) {
        return db.read(c -> {
            Map<Long, Set<String>> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT c.name FROM collection_items i"
                    + " JOIN collections c ON c.id = i.collection_id WHERE i.asset_id = ?")) {
                for (long id : assetIds) {
                    st.setLong(1, id);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) out.computeIfAbsent(id, i -> new HashSet<>()).add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static Collection collection(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Collection(rs.getLong("id"), rs.getString("name"), parentId, rs.getString("smart"));
    }
}
