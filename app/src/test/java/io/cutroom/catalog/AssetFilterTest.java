package io.cutroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssetFilterTest {
    private final Asset bunny = video(1, "/footage/big_buck_bunny.webm", "vp8", "vorbis", 30.0, Map.of());
    private final Asset chaplin = video(2, "/footage/chaplin.mp4", "h264", "mp3", 9.6, Map.of("title", "The Tramp"));
    private final Asset song = new Asset(3, Path.of("/music/song.flac"), MediaKind.AUDIO, 10, "c",
            new MediaInfo(MediaKind.AUDIO, "flac", 75.0, null, null, null, 0, null, null, "flac", 44100, 2, null,
                    Map.of("artist", "Kevin MacLeod"), null), Instant.EPOCH, AssetStatus.READY, null);
    private final List<Asset> all = List.of(bunny, chaplin, song);

    @Test
    void wordsMatchNamesCodecsAndTagsInAnyOrder() {
        assertThat(shown(new AssetFilter("VP8 bunny", null, null, null))).containsExactly(bunny);
        assertThat(shown(new AssetFilter("tramp", null, null, null))).containsExactly(chaplin);
        assertThat(shown(new AssetFilter("macleod", null, null, null))).containsExactly(song);
        assertThat(shown(new AssetFilter("bunny h264", null, null, null))).isEmpty();
    }

    @Test
    void kindDurationAndCodecNarrowTheList() {
        assertThat(shown(new AssetFilter("", MediaKind.VIDEO, null, null))).containsExactly(bunny, chaplin);
        assertThat(shown(new AssetFilter("", null, AssetFilter.DurationRange.SHORT, null))).containsExactly(chaplin);
        assertThat(shown(new AssetFilter("", null, AssetFilter.DurationRange.LONG, null))).containsExactly(song);
        assertThat(shown(new AssetFilter("", null, null, "mp3"))).containsExactly(chaplin);
        assertThat(shown(AssetFilter.ALL)).containsExactlyElementsOf(all);
    }

    @Test
    void ordersSortByNameLengthAndKindWithTheIdBreakingTies() {
        assertThat(all.stream().sorted(AssetOrder.NAME.comparator())).containsExactly(bunny, chaplin, song);
        assertThat(all.stream().sorted(AssetOrder.LONGEST.comparator())).containsExactly(song, bunny, chaplin);
        assertThat(all.stream().sorted(AssetOrder.KIND.comparator())).containsExactly(song, bunny, chaplin);
        assertThat(all.stream().sorted(AssetOrder.NEWEST.comparator())).containsExactly(bunny, chaplin, song);
    }

    private List<Asset> shown(AssetFilter filter) {
        return all.stream().filter(filter).toList();
    }

    private static Asset video(long id, String path, String vcodec, String acodec, double seconds, Map<String, String> tags) {
        MediaInfo info = new MediaInfo(MediaKind.VIDEO, "x", seconds, 640, 360, 25.0, 0, "yuv420p", vcodec, acodec,
                48000, 2, null, tags, null);
        return new Asset(id, Path.of(path), MediaKind.VIDEO, 1, "h" + id, info, Instant.EPOCH, AssetStatus.READY, null);
    }
}
