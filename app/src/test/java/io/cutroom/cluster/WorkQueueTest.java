package io.cutroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.QueuedWorkRepository.QueuedWork;
import io.cutroom.catalog.QueuedWorkRepository.State;
import io.cutroom.catalog.TagRepository;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.ingest.Importer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The queue on the embedded SQLite catalog: the same code as on a shared one, with one node on this machine. */
class WorkQueueTest {
    @TempDir
    Path home;

    @Test
    void cancelledWorkIsNotStartedAndRetriedWorkIsDoneByANodeOnTheSameMachine() throws Exception {
        try (CatalogDb db = CatalogDb.open(home); WorkQueue queue = new WorkQueue(db)) {
            List<Long> ids = new ArrayList<>();
            for (String still : List.of("images/objects/dog_beagle.jpg", "images/objects/horse_jockey.jpg")) {
                ImportOutcome outcome = new Importer(db).importFile(TestMedia.file(still));
                ids.add(((ImportOutcome.Imported) outcome).assetId());
            }
            String batch = queue.tag(ids);
            assertThat(queue.cancel(batch)).isEqualTo(2);
            List<String> told = new CopyOnWriteArrayList<>();
            Node.Listener listener = new Node.Listener() {
                @Override
                public void started(QueuedWork work, Asset asset, Path local) {
                    told.add("started " + work.assetId());
                }

                @Override
                public void finished(QueuedWork work, State state, String message) {
                    told.add(state + " " + work.assetId());
                }
            };
            try (Node node = new Node(db, EnumSet.of(Node.Lane.INFERENCE), PathMap.NONE,
                    new Node.Timing(Duration.ofSeconds(1), 4, Duration.ofMillis(200)), listener)) {
                node.start();
                // The node picks the cancelled pieces and lets them go without starting them.
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> scheduled(db) == 0);
                assertThat(told).isEmpty();
                assertThat(queue.retry(batch)).isEqualTo(2);
                WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> queue.batch(batch).finished());
            }
            assertThat(queue.batch(batch).pieces()).allSatisfy(p -> assertThat(p.state()).as(p.message()).isEqualTo(State.DONE));
            assertThat(queue.batch(batch).pieces()).allSatisfy(p -> assertThat(p.attempts()).isEqualTo(1));
            assertThat(told).containsExactlyInAnyOrder("started " + ids.get(0), "started " + ids.get(1),
                    "DONE " + ids.get(0), "DONE " + ids.get(1));
            TagRepository tags = new TagRepository(db);
            assertThat(ids).allSatisfy(id -> assertThat(tags.isTagged(id)).isTrue());
        }
    }

    private static long scheduled(CatalogDb db) {
        return db.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM scheduled_tasks")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
