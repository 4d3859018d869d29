package io.cutroom.reliability;

import io.cutroom.catalog.CatalogDb;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A second process that writes to a catalog as fast as it can: {@code count} profiles named
 * {@code LABEL-0 ...}, one transaction each, every one reading before it writes (as most catalog writes
 * do), which is where two SQLite writers trip over each other. Prints each name once it is committed.
 */
public final class ProfileWriter {
    private ProfileWriter() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[2]);
        try (CatalogDb db = CatalogDb.open(Path.of(args[0]))) {
            for (int i = 0; i < count; i++) {
                add(db, args[1] + "-" + i);
                System.out.println("committed " + args[1] + "-" + i);
                System.out.flush();
            }
        }
    }

    /** Adds a profile whose interests record how many profiles there were before it, in one transaction. */
    static void add(CatalogDb db, String name) {
        db.write(c -> {
            long before;
            try (ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM profiles")) {
                before = count.next() ? count.getLong(1) : 0;
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO profiles (name, interests, demo, created_at) VALUES (?, ?, 0, ?)")) {
                insert.setString(1, name);
                insert.setString(2, "[\"after " + before + "\"]");
                insert.setString(3, java.time.Instant.now().toString());
                return insert.executeUpdate();
            }
        });
    }
}
