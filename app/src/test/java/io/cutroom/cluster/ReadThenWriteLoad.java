package io.cutroom.cluster;

import io.cutroom.catalog.CatalogDb;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A workstation hammering one row: {@code COUNT} transactions that each read an asset's size and write it back plus
 * one, through the catalog's own write path. Prints how many succeeded and how many surfaced as errors.
 */
public final class ReadThenWriteLoad {
    private ReadThenWriteLoad() {
    }

    /** One transaction that reads the asset's size and writes it back plus one: what two editors' edits race on. */
    public static void increment(CatalogDb db, long assetId) {
        db.write(c -> {
            long size;
            try (PreparedStatement st = c.prepareStatement("SELECT size_bytes FROM assets WHERE id = ?")) {
                st.setLong(1, assetId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    size = rs.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE assets SET size_bytes = ? WHERE id = ?")) {
                st.setLong(1, size + 1);
                st.setLong(2, assetId);
                return st.executeUpdate();
            }
        });
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long assetId = Long.parseLong(args[2]);
        int ok = 0;
        int errors = 0;
        try (CatalogDb db = CatalogDb.open(home)) {
            for (int i = 0; i < count; i++) {
                try {
                    increment(db, assetId);
                    ok++;
                } catch (RuntimeException e) {
                    errors++;
                    System.out.println("error: " + e.getMessage());
                }
            }
        }
        System.out.println("ok " + ok + " errors " + errors);
    }
}
