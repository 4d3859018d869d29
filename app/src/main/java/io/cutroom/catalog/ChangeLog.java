package io.cutroom.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's list of recent changes to assets, tags, logs and collection memberships, kept by triggers
 * ({@code V11__catalog_changes.sql}), so writes by other processes are listed too. What is worked out from the whole
 * catalog can be brought up to date from it instead of being read again.
 */
public final class ChangeLog {
    private final CatalogDb db;

    public ChangeLog(CatalogDb db) {
        this.db = db;
    }

    /**
     * What changed after change {@code since}, up to {@code upTo}: per part, the assets touched, and the parts where a
     * change touched every asset ({@code whole}). {@code complete} is false when the list no longer reaches back that
     * far (it keeps the last 10,000 changes): then everything must be read again.
     */
    public record Since(long upTo, boolean complete, Map<String, Set<Long>> assets, Set<String> whole) {
        public boolean nothing() {
            return complete && assets.isEmpty() && whole.isEmpty();
        }
    }

    public Since since(long since) {
        return db.read(c -> {
            long first;
            long last;
            try (PreparedStatement st = c.prepareStatement("SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM catalog_changes");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
                last = rs.getLong(2);
            }
            Map<String, Set<Long>> assets = new HashMap<>();
            Set<String> whole = new HashSet<>();
            if (last > since) {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT DISTINCT part, asset_id FROM catalog_changes WHERE seq > ? AND seq <= ?")) {
                    st.setLong(1, since);
                    st.setLong(2, last);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(2);
                            if (rs.wasNull()) {
                                whole.add(rs.getString(1));
                            } else {
                                assets.computeIfAbsent(rs.getString(1), p -> new HashSet<>()).add(id);
                            }
                        }
                    }
                }
            }
            return new Since(last, first == 0 || first <= since + 1, assets, whole);
        });
    }
}
