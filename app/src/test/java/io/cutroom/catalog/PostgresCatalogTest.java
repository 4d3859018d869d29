package io.cutroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.cluster.ReadThenWriteLoad;
import java.net.ServerSocket;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shared catalog on a real PostgreSQL server: opening it, what the user hears when it fails, and concurrency. */
class PostgresCatalogTest {
    private static CatalogLocation.Shared fresh() {
        return PostgresServer.get().database("p_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void opensMigratedWithThePasswordFromPgpassAndKeepsWhatWasWritten() {
        CatalogLocation.Shared location = fresh();
        long id;
        try (CatalogDb db = CatalogDb.open(location)) {
            assertThat(db.shared()).isTrue();
            assertThat(db.schemaVersion()).isEqualTo(CatalogDbTest.LATEST);
            assertThat(db.integrityCheck()).isEqualTo("ok");
            id = insertAsset(db, "/media/día 1/'quoted'\nname.mov");
        }
        try (CatalogDb again = CatalogDb.open(location)) {
            assertThat(new AssetRepository(again).find(id)).get()
                    .satisfies(a -> assertThat(a.path().toString()).isEqualTo("/media/día 1/'quoted'\nname.mov"));
        }
        assertThat(location.describe()).doesNotContain(PostgresServer.get().password());
    }

    @Test
    void aRefusedUserAMissingDatabaseAndNoServerAreSaidPlainly() throws Exception {
        int port = PostgresServer.get().port();
        assertThatThrownBy(() -> CatalogDb.open(new CatalogLocation.Shared("127.0.0.1", port, "postgres", "nobody", Map.of())))
                .isInstanceOf(CatalogException.class).hasMessageContaining("for the user nobody")
                .hasMessageContaining("PGPASSWORD or ~/.pgpass");
        assertThatThrownBy(() -> CatalogDb.open(new CatalogLocation.Shared("127.0.0.1", port, "no_such_catalog",
                PostgresServer.USER, Map.of())))
                .isInstanceOf(CatalogException.class).hasMessageContaining("has no database called no_such_catalog");
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        assertThatThrownBy(() -> CatalogDb.open(new CatalogLocation.Shared("127.0.0.1", closed, "x", "x", Map.of())))
                .isInstanceOf(CatalogException.class).hasMessageContaining("cannot be reached");
    }

    @Test
    void concurrentReadThenWriteTransactionsFromTwoStudiosLoseNothing() throws Exception {
        CatalogLocation.Shared location = fresh();
        int threads = 4;
        int each = 100;
        try (CatalogDb first = CatalogDb.open(location); CatalogDb second = CatalogDb.open(location)) {
            long id = insertAsset(first, "/counter.mov");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                CatalogDb db = t % 2 == 0 ? first : second;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) ReadThenWriteLoad.increment(db, id);
                }));
            }
            for (Future<?> run : runs) run.get(2, TimeUnit.MINUTES);
            pool.shutdown();
            assertThat(new AssetRepository(second).find(id)).get()
                    .satisfies(a -> assertThat(a.sizeBytes()).isEqualTo(1L + threads * each));
        }
    }

    /** Change numbers are taken at insert, so a change can commit after a later-numbered one was read. */
    @Test
    void aChangeThatCommitsAfterALaterOneIsStillRead() throws Exception {
        CatalogLocation.Shared location = fresh();
        try (CatalogDb slow = CatalogDb.open(location); CatalogDb quick = CatalogDb.open(location);
             CatalogDb reader = CatalogDb.open(location)) {
            ChangeLog log = new ChangeLog(reader);
            ChangeLog.Position start = log.since(ChangeLog.Position.START).upTo();
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Long> slowId = pool.submit(() -> slow.write(c -> {
                long id = insert(c, "/slow.mov");
                inserted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return id;
            }));
            inserted.await();
            long quickId = insertAsset(quick, "/quick.mov");
            ChangeLog.Since first = log.since(start);
            assertThat(first.assets().get("assets")).containsExactly(quickId);
            release.countDown();
            long late = slowId.get(1, TimeUnit.MINUTES);
            pool.shutdown();
            ChangeLog.Since second = log.since(first.upTo());
            assertThat(second.complete()).isTrue();
            assertThat(second.assets().get("assets")).contains(late);
        }
    }

    private static long insertAsset(CatalogDb db, String path) {
        return db.write(c -> insert(c, path));
    }

    private static long insert(java.sql.Connection c, String path) throws java.sql.SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO assets (path, kind, size_bytes, sha256, imported_at,"
                + " status) VALUES (?, 'video', 1, ?, '2026-01-01T00:00:00Z', 'ready')", Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, path);
            st.setString(2, UUID.randomUUID().toString());
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
