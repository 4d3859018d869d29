package io.cutroom.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetStatus;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Saved searches: each field, and/or/not with parentheses, and a sentence for what cannot be read. */
class SmartQueryTest {
    private final AssetFacts dogRun = facts(1, "dog run.mp4", MediaKind.VIDEO, "h264", 40.0, "2026-03-02T10:00:00Z",
            Map.of("dog", 0.9, "person", 0.36), new AssetLog(4, AssetLog.Flag.PICK, AssetLog.Label.RED, null), Set.of("Day 1"));
    private final AssetFacts harbour = facts(2, "harbour.mov", MediaKind.VIDEO, "prores", 600.0, "2026-05-01T10:00:00Z",
            Map.of("boat", 0.7), new AssetLog(2, AssetLog.Flag.REJECT, null, "dusk"), Set.of());
    private final AssetFacts theme = facts(3, "theme.flac", MediaKind.AUDIO, "flac", 75.0, "2026-05-03T10:00:00Z",
            Map.of(), AssetLog.NONE, Set.of("Day 1"));
    private final List<AssetFacts> all = List.of(dogRun, harbour, theme);

    @Test
    void eachFieldAsksWhatItSays() {
        assertThat(matching("tag:dog")).containsExactly(dogRun);
        assertThat(matching("tag:person")).as("0.36 is under person's threshold, 0.4").isEmpty();
        assertThat(matching("tag:person>=0.3")).containsExactly(dogRun);
        assertThat(matching("tag:dog>0.95")).isEmpty();
        assertThat(matching("kind:audio")).containsExactly(theme);
        assertThat(matching("length>60")).containsExactly(harbour, theme);
        assertThat(matching("length<=40")).containsExactly(dogRun);
        assertThat(matching("codec:ProRes")).containsExactly(harbour);
        assertThat(matching("rating>=3")).containsExactly(dogRun);
        assertThat(matching("rating:0")).containsExactly(theme);
        assertThat(matching("flag:reject")).containsExactly(harbour);
        assertThat(matching("label:red")).containsExactly(dogRun);
        assertThat(matching("label:none")).containsExactly(harbour, theme);
        assertThat(matching("collection:\"day 1\"")).containsExactly(dogRun, theme);
        assertThat(matching("date>=2026-05-01")).containsExactly(harbour, theme);
        assertThat(matching("harbour")).containsExactly(harbour);
        assertThat(matching("\"dog run\"")).containsExactly(dogRun);
    }

    @Test
    void termsCombineWithAndOrNotAndParentheses() {
        assertThat(matching("kind:video rating>=2")).containsExactly(dogRun, harbour);
        assertThat(matching("kind:video and not flag:reject")).containsExactly(dogRun);
        assertThat(matching("kind:video -flag:reject")).containsExactly(dogRun);
        assertThat(matching("flag:pick or kind:audio")).containsExactly(dogRun, theme);
        assertThat(matching("(flag:pick or kind:audio) and collection:\"Day 1\" and not tag:dog")).containsExactly(theme);
        assertThat(matching("NOT (rating>=3 OR length>100)")).containsExactly(theme);
    }

    @Test
    void whatCannotBeReadIsSaidInASentence() {
        for (String bad : List.of("", "tag:dog and (", "rating>=lots", "date>=May", "kind:film", "flag:maybe",
                "label:orange", "tag>0.5", "(kind:video", "kind:video)", "\"open quote", "or kind:video", "tag:")) {
            assertThatThrownBy(() -> SmartQuery.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .message().endsWith(".").doesNotContain("Exception");
        }
    }

    private List<AssetFacts> matching(String query) {
        SmartQuery q = SmartQuery.parse(query);
        return all.stream().filter(f -> q.matches(f, tag -> tag.equals("person") ? 0.4 : 0.35)).toList();
    }

    private static AssetFacts facts(long id, String name, MediaKind kind, String codec, double seconds, String imported,
                                    Map<String, Double> tags, AssetLog log, Set<String> collections) {
        MediaInfo info = new MediaInfo(kind, "x", seconds, kind == MediaKind.AUDIO ? null : 1920,
                kind == MediaKind.AUDIO ? null : 1080, null, 0, null, kind == MediaKind.AUDIO ? null : codec,
                kind == MediaKind.AUDIO ? codec : null, null, null, null, Map.of(), null);
        Asset asset = new Asset(id, Path.of("/footage", name), kind, 1, "h" + id, info, Instant.parse(imported),
                AssetStatus.READY, null);
        return new AssetFacts(asset, tags, log, collections);
    }
}
