package io.cutroom.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetFilter;
import io.cutroom.catalog.AssetOrder;
import io.cutroom.catalog.AssetStatus;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.ui.TagScore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library's filters, order, "more like this" and selection, without a toolkit. */
class LibraryModelTest {
    private final Asset dogRun = video(1, "/footage/dog run.mp4", "h264", "aac", 40, 100);
    private final Asset harbour = video(2, "/footage/harbour.mov", "prores", null, 600, 200);
    private final Asset interview = video(3, "/footage/interview.mp4", "h264", "aac", 9, 300);
    private final LibraryModel model = new LibraryModel();

    @BeforeEach
    void load() {
        model.load(List.of(dogRun, harbour, interview), Map.of(
                1L, List.of(new TagScore("dog", 0.9), new TagScore("person", 0.6)),
                3L, List.of(new TagScore("person", 0.95))));
    }

    @Test
    void showsEverythingNewestFirstAndCountsIt() {
        assertThat(model.shown()).containsExactly(interview, harbour, dogRun);
        assertThat(model.countText(model.shown())).isEqualTo("3 items");
    }

    @Test
    void theMenusOfferTheCatalogsCodecsAndTheMostWidespreadTagsFirst() {
        assertThat(model.codecs()).containsExactly("aac", "h264", "prores");
        assertThat(model.tags()).containsExactly("person", "dog");
    }

    @Test
    void filtersCombineAndTheCountSaysHowManyAreHidden() {
        model.setTag("person");
        assertThat(model.shown()).containsExactly(interview, dogRun);
        model.setDuration(AssetFilter.DurationRange.MEDIUM);
        model.setCodec("h264");
        model.setText("dog");
        assertThat(model.shown()).containsExactly(dogRun);
        assertThat(model.countText(model.shown())).isEqualTo("1 of 3");
        model.setOrder(AssetOrder.NAME);
        model.setText("");
        model.setDuration(AssetFilter.DurationRange.ANY);
        assertThat(model.shown()).containsExactly(dogRun, interview);
    }

    @Test
    void theSearchTextFindsShotTagsToo() {
        model.setText("dog");
        assertThat(model.shown()).containsExactly(dogRun);
        model.setKind(MediaKind.AUDIO);
        assertThat(model.shown()).isEmpty();
    }

    @Test
    void aFilterOnACodecOrTagThatLeftTheCatalogFallsBackToAny() {
        model.setCodec("prores");
        model.setTag("dog");
        model.load(List.of(dogRun, interview), Map.of(3L, List.of(new TagScore("person", 0.95))));
        assertThat(model.codec()).isNull();
        assertThat(model.tag()).isNull();
        assertThat(model.shown()).containsExactly(interview, dogRun);
    }

    @Test
    void moreLikeThisShowsOnlyTheAlikeMostAlikeFirstUntilCleared() {
        Map<Long, Double> scores = new LinkedHashMap<>();
        scores.put(3L, 0.4);
        scores.put(1L, 0.8);
        model.showSimilar(scores);
        assertThat(model.shown()).containsExactly(dogRun, interview);
        assertThat(model.similarity(1)).isEqualTo(0.8);
        assertThat(model.similarity(2)).isNull();
        model.clearSimilar();
        assertThat(model.shown()).hasSize(3);
        assertThat(model.similarity(1)).isNull();
    }

    @Test
    void aClickSelectsOneAndAShortcutClickAddsOrTakesOut() {
        model.select(2, false);
        model.select(3, true);
        model.select(1, true);
        assertThat(model.selected()).containsExactly(harbour, interview, dogRun);
        model.select(3, true);
        assertThat(model.selected()).containsExactly(harbour, dogRun);
        assertThat(model.isSelected(3)).isFalse();
        model.select(3, false);
        assertThat(model.selected()).containsExactly(interview);
    }

    private static Asset video(long id, String path, String vcodec, String acodec, double seconds, long importedAtSec) {
        MediaInfo info = new MediaInfo(MediaKind.VIDEO, "x", seconds, 640, 360, 25.0, 0, "yuv420p", vcodec, acodec,
                48000, 2, null, Map.of(), null);
        return new Asset(id, Path.of(path), MediaKind.VIDEO, 1, "h" + id, info, Instant.ofEpochSecond(importedAtSec),
                AssetStatus.READY, null);
    }
}
