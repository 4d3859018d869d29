package io.cutroom.ui.clip;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetStatus;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the clip view lists and decides about an asset, without a toolkit. */
class ClipModelTest {
    @Test
    void theFactsAreListedInOrderWithoutEmptyOnes() {
        MediaInfo info = new MediaInfo(MediaKind.VIDEO, "mov,mp4", 12.5, 1920, 1080, 29.97, 90, "yuv420p", "h264", null,
                null, null, 8_000_000L, Map.of("title", "Harbour", "comment", " "), null);
        Map<String, String> facts = ClipModel.facts(asset("Harbour.MOV", info));
        assertThat(facts.keySet()).containsExactly("Path", "Size", "Kind", "Container", "Duration", "Picture",
                "Frame rate", "Video codec", "Pixel format", "Bit rate", "Title", "Imported", "SHA-256");
        assertThat(facts).containsEntry("Picture", "1920 × 1080 (shown turned 90°)")
                .containsEntry("Duration", "12.500 s").containsEntry("Bit rate", "8000 kb/s")
                .containsEntry("Size", "2.5 MB");
    }

    @Test
    void javaFxsPlayerIsTriedOnlyForTheContainersItOpens() {
        assertThat(ClipModel.triesFxMedia(asset("Harbour.MOV", null))).isTrue();
        assertThat(ClipModel.triesFxMedia(asset("song.mp3", null))).isTrue();
        assertThat(ClipModel.triesFxMedia(asset("bunny.webm", null))).isFalse();
        assertThat(ClipModel.triesFxMedia(asset("no extension", null))).isFalse();
    }

    @Test
    void aPlayThroughGivesAStillItsTimeAndAClipItsLengthWithSlack() {
        MediaInfo still = new MediaInfo(MediaKind.IMAGE, "png", null, 64, 64, null, 0, null, null, null, null, null,
                null, Map.of(), null);
        MediaInfo clip = new MediaInfo(MediaKind.VIDEO, "mp4", 20.0, 640, 360, 25.0, 0, null, "h264", null, null, null,
                null, Map.of(), null);
        assertThat(ClipModel.playThroughSeconds(asset("a.png", still), 5)).isEqualTo(5);
        assertThat(ClipModel.playThroughSeconds(asset("a.mp4", clip), 5)).isEqualTo(20 + ClipModel.PLAY_THROUGH_SLACK_SEC);
    }

    private static Asset asset(String name, MediaInfo info) {
        MediaKind kind = info == null ? MediaKind.VIDEO : info.kind();
        return new Asset(1, Path.of("/footage", name), kind, 2_500_000, "abc", info, Instant.EPOCH, AssetStatus.READY, null);
    }
}
