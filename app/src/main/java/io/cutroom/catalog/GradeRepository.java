package io.cutroom.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Each clip's stored grade: what renders of it use unless told otherwise. */
public final class GradeRepository {
    private final CatalogDb db;

    public GradeRepository(CatalogDb db) {
        this.db = db;
    }

    /** A stored grade (JSON), its source ({@code manual}, {@code auto}, {@code match}), and the measurements behind it. */
    public record Stored(long assetId, String grade, String source, Long referenceId, String analysis, Instant updatedAt) {
    }

    public void save(Stored stored) {
        db.write(c -> upsert(c, stored));
    }

    /** Reads the stored grade and writes {@code change}'s answer in one transaction, so no save in between is lost. */
    public Stored update(long assetId, Function<Optional<Stored>, Stored> change) {
        return db.write(c -> {
            Stored after = change.apply(one(c, assetId));
            upsert(c, after);
            return after;
        });
    }

    private static Void upsert(Connection c, Stored stored) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO grades"
                + " (asset_id, grade, source, reference_id, analysis, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (asset_id) DO UPDATE SET grade = excluded.grade, source = excluded.source,"
                + " reference_id = excluded.reference_id, analysis = excluded.analysis, updated_at = excluded.updated_at")) {
            st.setLong(1, stored.assetId());
            st.setString(2, stored.grade());
            st.setString(3, stored.source());
            if (stored.referenceId() == null) {
                st.setNull(4, Types.INTEGER);
            } else {
                st.setLong(4, stored.referenceId());
            }
            st.setString(5, stored.analysis());
            st.setString(6, stored.updatedAt().toString());
            st.executeUpdate();
        }
        return null;
    }

    public Optional<Stored> find(long assetId) {
        return db.read(c -> one(c, assetId));
    }

    private static Optional<Stored> one(Connection c, long assetId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT asset_id, grade, source, reference_id, analysis, updated_at FROM grades WHERE asset_id = ?")) {
            st.setLong(1, assetId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long ref = rs.getLong(4);
                Long reference = rs.wasNull() ? null : ref;
                return Optional.of(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), reference,
                        rs.getString(5), Instant.parse(rs.getString(6))));
            }
        }
    }

    public void delete(long assetId) {
        db.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM grades WHERE asset_id = ?")) {
                st.setLong(1, assetId);
                st.executeUpdate();
            }
            return null;
        });
    }
}
