package io.cutroom.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.catalog.MarkerRepository;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging, markers, selects and collections on a real catalog, kept across a reopen. */
class CurationTest {
    @TempDir
    Path home;
    private CatalogDb db;
    private Curation curation;
    private Asset dog;
    private Asset harbour;

    @BeforeEach
    void catalog() {
        db = TestCatalogs.open(home);
        curation = new Curation(db);
        dog = video("dog run.mp4", 40);
        harbour = video("harbour \"dusk\" ünïcode.mov", 600);
        new TagRepository(db).replaceForAsset(dog.id(), List.of(new ShotTag(dog.id(), 0, "dog", 0.9, 0, 40, "centernet")),
                List.of(), "test");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLogIsKeptWhole() {
        curation.rate(dog.id(), 4);
        curation.flag(dog.id(), AssetLog.Flag.PICK);
        curation.label(dog.id(), AssetLog.Label.GREEN);
        curation.describe(dog.id(), "  The run on the beach; she drops the ball.\n");
        reopen();
        assertThat(curation.log(dog.id()))
                .isEqualTo(new AssetLog(4, AssetLog.Flag.PICK, AssetLog.Label.GREEN, "The run on the beach; she drops the ball."));
        assertThat(curation.log(harbour.id())).isEqualTo(AssetLog.NONE);
        assertThatThrownBy(() -> curation.rate(dog.id(), 6)).hasMessage("A rating is 0 to 5 stars, not 6.");
        assertThatThrownBy(() -> curation.rate(999, 3)).hasMessage("There is no asset with id 999 in the catalog.");
    }

    @Test
    void markersAndSelectsStayInsideTheClip() {
        curation.mark(dog.id(), 12.5, "the ball drops");
        MarkerRepository.Select s = curation.select(dog.id(), 3, 9.5, null);
        reopen();
        MarkerRepository marks = new MarkerRepository(db);
        assertThat(marks.markers(dog.id())).extracting(MarkerRepository.Marker::note).containsExactly("the ball drops");
        assertThat(marks.selects(dog.id())).containsExactly(s);
        assertThat(s.name()).isEqualTo("dog run.mp4 3.00-9.50");
        assertThatThrownBy(() -> curation.mark(dog.id(), 41, "after")).hasMessageContaining("outside it");
        assertThatThrownBy(() -> curation.select(dog.id(), 5, 5, "empty")).hasMessageContaining("out point must come after");
        assertThatThrownBy(() -> curation.select(dog.id(), 30, 45, "past")).hasMessageContaining("cannot end at 45.00 s");
    }

    @Test
    void manualCollectionsNestAndHoldAnAssetOnce() {
        curation.createCollection("Day 1/Keepers", null);
        assertThat(curation.addToCollection("day 1/keepers", List.of(harbour.id(), dog.id()))).isEqualTo(2);
        assertThat(curation.addToCollection("Day 1/Keepers", List.of(dog.id()))).isZero();
        curation.createCollection("Also", null);
        curation.addToCollection("Also", List.of(dog.id()));
        reopen();
        assertThat(curation.members("Day 1/Keepers")).containsExactly(harbour, dog);
        assertThat(curation.collections()).extracting(Curation.Listed::path, Curation.Listed::count)
                .containsExactly(tuple("Also", 1), tuple("Day 1", 0),
                        tuple("Day 1/Keepers", 2));
        assertThatThrownBy(() -> curation.createCollection("day 1/KEEPERS", null)).hasMessageContaining("already");
        assertThatThrownBy(() -> curation.members("Nowhere")).hasMessageContaining("no collection called Nowhere");
    }

    @Test
    void aSmartCollectionHoldsWhatItsSearchFindsNow() {
        curation.createCollection("Good dogs", "tag:dog rating>=3");
        assertThat(curation.members("Good dogs")).isEmpty();
        curation.rate(dog.id(), 5);
        assertThat(curation.members("Good dogs")).containsExactly(dog);
        curation.createCollection("Not picked", "not flag:pick");
        curation.flag(dog.id(), AssetLog.Flag.PICK);
        assertThat(curation.members("Not picked")).containsExactly(harbour);
        assertThatThrownBy(() -> curation.addToCollection("Good dogs", List.of(harbour.id()))).hasMessageContaining("smart");
        assertThatThrownBy(() -> curation.createCollection("Broken", "tag:dog and (")).isInstanceOf(IllegalArgumentException.class);
        assertThat(curation.collections()).extracting(l -> l.collection().name()).doesNotContain("Broken");
    }

    /** Two workstations logging the same clip at once: one rates, the other labels; neither loses the other's. */
    @Test
    void twoEditorsChangingDifferentPartsOfOneLogAtOnceKeepBoth() throws Exception {
        try (CatalogDb other = TestCatalogs.open(home)) {
            Curation theirs = new Curation(other);
            Thread rating = new Thread(() -> {
                for (int i = 0; i < 150; i++) curation.rate(dog.id(), i % 5);
                curation.rate(dog.id(), 4);
            });
            Thread labelling = new Thread(() -> {
                for (int i = 0; i < 150; i++) theirs.label(dog.id(), i % 2 == 0 ? AssetLog.Label.RED : null);
                theirs.label(dog.id(), AssetLog.Label.BLUE);
            });
            rating.start();
            labelling.start();
            rating.join();
            labelling.join();
            assertThat(theirs.log(dog.id())).isEqualTo(new AssetLog(4, AssetLog.Flag.NONE, AssetLog.Label.BLUE, null));
            // The same part changed by both: the later change is what stays.
            curation.flag(dog.id(), AssetLog.Flag.PICK);
            theirs.flag(dog.id(), AssetLog.Flag.REJECT);
            assertThat(curation.log(dog.id()).flag()).isEqualTo(AssetLog.Flag.REJECT);
        }
    }

    @Test
    void aSmartCollectionSeesAChangeAnotherProcessMade() {
        curation.createCollection("Five stars", "rating:5");
        assertThat(curation.members("Five stars")).isEmpty();
        try (CatalogDb other = TestCatalogs.open(home)) {
            new Curation(other).rate(harbour.id(), 5);
        }
        assertThat(curation.members("Five stars")).containsExactly(harbour);
    }

    @Test
    void aSearchKeepsUpWithLogsCollectionsImportsAndTagsChangedAnywhere() {
        curation.createCollection("Five stars", "rating:5");
        assertThat(curation.members("Five stars")).isEmpty();
        // More changes than the change list keeps: the search reads every log again and still sees the last one.
        for (int i = 0; i < 10_050; i++) {
            curation.rate(dog.id(), i % 5);
        }
        curation.rate(harbour.id(), 5);
        assertThat(curation.members("Five stars")).containsExactly(harbour);
        curation.rate(harbour.id(), 4);
        curation.rate(dog.id(), 5);
        assertThat(curation.members("Five stars")).containsExactly(dog);
        curation.createCollection("Keepers", null);
        curation.createCollection("In keepers", "collection:Keepers");
        assertThat(curation.members("In keepers")).isEmpty();
        curation.addToCollection("Keepers", List.of(harbour.id()));
        assertThat(curation.members("In keepers")).containsExactly(harbour);

        // An import, and its tagging, between two searches: only the new asset is read again, and it is found.
        curation.createCollection("Dogs", "tag:dog");
        assertThat(curation.members("Dogs")).containsExactly(dog);
        Asset puppy = video("puppy.mp4", 12);
        assertThat(curation.members("Dogs")).containsExactly(dog);
        new TagRepository(db).replaceForAsset(puppy.id(), List.of(new ShotTag(puppy.id(), 0, "dog", 0.8, 0, 12, "centernet")),
                List.of(), "test");
        assertThat(curation.members("Dogs")).containsExactly(dog, puppy);
        // Another process retags the first dog as a cat: seen through the change list too.
        try (CatalogDb other = TestCatalogs.open(home)) {
            new TagRepository(other).replaceForAsset(dog.id(), List.of(new ShotTag(dog.id(), 0, "cat", 0.9, 0, 40, "centernet")),
                    List.of(), "test");
        }
        assertThat(curation.members("Dogs")).containsExactly(puppy);
    }

    @Test
    void everyShotTaggedDogBecomesAMarkerOrASelectInOneStepAndOnlyOnce() {
        new TagRepository(db).replaceForAsset(harbour.id(), List.of(
                new ShotTag(harbour.id(), 0, "dog", 0.8, 0, 12, "centernet"),
                new ShotTag(harbour.id(), 1, "dog", 0.2, 12, 30, "centernet"),
                new ShotTag(harbour.id(), 2, "dog", 0.6, 30, 41.5, "centernet")), List.of(), "test");
        assertThat(curation.marksFromTag("Dog", false)).isEqualTo(new Curation.TagMarks(3, 2));
        assertThat(new MarkerRepository(db).markers(harbour.id())).extracting(MarkerRepository.Marker::atSec)
                .as("the shot under dog's threshold is left out").containsExactly(0.0, 30.0);
        assertThat(curation.marksFromTag("dog", false).made()).as("asked again").isZero();
        assertThat(curation.marksFromTag("dog", true).made()).isEqualTo(3);
        assertThat(new MarkerRepository(db).selects(harbour.id())).extracting(MarkerRepository.Select::outSec)
                .containsExactly(12.0, 41.5);
        assertThatThrownBy(() -> curation.marksFromTag(" ", true)).hasMessageContaining("Name the tag");
    }

    @Test
    void aThousandAssetsGoIntoACollectionAtOnce() {
        AssetRepository assets = new AssetRepository(db);
        List<Long> ids = new ArrayList<>();
        for (long i : LongStream.range(0, 1000).toArray()) {
            ids.add(assets.saveReady(new AssetRepository.FileFacts(home.resolve("bulk" + i + ".mp4"), 1, "bulk" + i),
                    info(10), List.of(), null));
        }
        curation.createCollection("Bulk", null);
        assertThat(curation.addToCollection("Bulk", ids)).isEqualTo(1000);
        assertThat(curation.members("Bulk")).hasSize(1000);
    }

    private void reopen() {
        db.close();
        db = TestCatalogs.open(home);
        curation = new Curation(db);
    }

    private Asset video(String name, double seconds) {
        AssetRepository assets = new AssetRepository(db);
        long id = assets.saveReady(new AssetRepository.FileFacts(home.resolve(name), 100, name), info(seconds), List.of(), null);
        return assets.find(id).orElseThrow();
    }

    private static MediaInfo info(double seconds) {
        return new MediaInfo(MediaKind.VIDEO, "mp4", seconds, 640, 360, 25.0, 0, "yuv420p", "h264", "aac", 48000, 2, null,
                Map.of(), null);
    }
}
