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
     * How far a reader has read: the last change seen, and on PostgreSQL the oldest transaction that was still
     * running then. Changes are numbered when written, not when committed, so a change numbered below one already
     * seen can still appear when its transaction commits; reading again every change from transactions that were
     * still running catches it.
     */
    public record Position(long seq, String pendingFrom) {
        public static final Position START = new Position(-1, null);
    }

    /**
     * What changed after {@code since}, up to {@code upTo}: per part, the assets touched, and the parts where a
     * change touched every asset ({@code whole}). {@code complete} is false when the list no longer reaches back that
     * far (it keeps the last 10,000 changes), or when reading starts: then everything must be read again.
     */
    public record Since(Position upTo, boolean complete, Map<String, Set<Long>> assets, Set<String> whole) {
        public boolean nothing() {
            return complete && assets.isEmpty() && whole.isEmpty();
        }
    }

    public Since since(Position since) {
        boolean shared = db.shared();
        return db.read(c -> {
            long first;
            long last;
            String pending = null;
            try (PreparedStatement st = c.prepareStatement("SELECT coalesce(min(seq), 0), coalesce(max(seq), 0)"
                    + (shared ? ", pg_snapshot_xmin(pg_current_snapshot())::text" : "") + " FROM catalog_changes");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
                last = rs.getLong(2);
                if (shared) pending = rs.getString(3);
            }
            Map<String, Set<Long>> assets = new HashMap<>();
            Set<String> whole = new HashSet<>();
            boolean catchUp = since.seq() >= 0;
            if (catchUp) {
                // The upper bound keeps this read to what the first one counted; later changes are the next read's.
                String sql = "SELECT DISTINCT part, asset_id FROM catalog_changes WHERE (seq > ? AND seq <= ?)"
                        + (shared && since.pendingFrom() != null ? " OR txid >= ?::text::xid8" : "");
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.setLong(1, since.seq());
                    st.setLong(2, last);
                    if (shared && since.pendingFrom() != null) st.setString(3, since.pendingFrom());
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
            boolean complete = catchUp && (first == 0 || first <= since.seq() + 1);
            return new Since(new Position(Math.max(last, since.seq()), pending), complete, assets, whole);
        });
    }
}
