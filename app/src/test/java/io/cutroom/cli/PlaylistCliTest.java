package io.cutroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.TestMedia;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles, events and playlists on a real catalog: the JSON contract, the rules, and events changing the next playlist. */
class PlaylistCliTest {
    @TempDir
    Path home;
    private static final ObjectMapper JSON = new ObjectMapper();


    private CliRun cutroom(String... args) {
        return CliRun.in(home, args);
    }

    @Test
    void playlistsFollowEventsAndKeepTheirRules() throws Exception {
        assertThat(cutroom("import", TestMedia.file("video/cup.mp4").toString(), TestMedia.file("video/cockatoo.mp4").toString(),
                TestMedia.file("video/chaplin.mp4").toString(), TestMedia.file("video/fire2.mp4").toString(),
                TestMedia.file("images/sklearn/china.jpg").toString(), TestMedia.file("images/skimage/chelsea.png").toString(),
                TestMedia.file("audio/guit_em9.flac").toString()).code()).isZero();
        assertThat(cutroom("profile", "add", "Ana", "--interests", "bird,cat").code()).isZero();
        assertThat(cutroom("profile", "add", "Ben").code()).isZero();
        CliRun twice = cutroom("profile", "add", "ana");
        assertThat(twice.code()).isNotZero();
        assertThat(twice.err()).contains("already a profile called ana");
        for (String[] e : new String[][] {{"Ana", "1", "complete"}, {"Ben", "1", "complete"}, {"Ben", "2", "complete"},
                {"Ben", "3", "like"}}) {
            CliRun event = cutroom("event", e[0], e[1], e[2]);
            assertThat(event.code()).as(event.err()).isZero();
        }
        assertThat(cutroom("event", "Ana", "1", "shrug").err()).contains("not an event");

        CliRun first = cutroom("playlist", "Ana", "--minutes", "1", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode list = JSON.readTree(first.out());
        assertThat(list).isNotEmpty();
        double total = 0;
        Set<Long> ids = new HashSet<>();
        for (JsonNode item : list) {
            assertThat(item.fieldNames()).toIterable().containsExactly("id", "title", "duration", "score", "explanation");
            assertThat(ids.add(item.get("id").asLong())).as("no repeats").isTrue();
            assertThat(item.get("explanation").asText()).isNotBlank();
            total += item.get("duration").asDouble();
        }
        assertThat(total).isLessThanOrEqualTo(66);
        // The seven items last 54 s: all fit, but what Ana already completed comes last, said as such.
        JsonNode last = list.get(list.size() - 1);
        assertThat(last.get("id").asLong()).as("Ana completed 1: others come first").isEqualTo(1L);
        assertThat(last.get("explanation").asText()).isEqualTo("again: Ana completed it");
        assertThat(list.get(0).get("explanation").asText()).as("Ben, who also completed 1, completed 2")
                .isIn("because Ana completed cup.mp4", "matches interest: bird", "matches interest: cat");

        long top = list.get(0).get("id").asLong();
        assertThat(cutroom("event", "Ana", Long.toString(top), "play").code()).isZero();
        assertThat(cutroom("event", "Ana", Long.toString(top), "skip").code()).isZero();
        JsonNode after = JSON.readTree(cutroom("playlist", "Ana", "--minutes", "1", "--json").out());
        for (JsonNode item : after) {
            assertThat(item.get("id").asLong()).as("a skipped item is not offered again").isNotEqualTo(top);
        }

        JsonNode stills = JSON.readTree(cutroom("playlist", "Ben", "--kind", "image", "--json").out());
        assertThat(stills).isNotEmpty();
        for (JsonNode item : stills) {
            assertThat(item.get("title").asText()).matches(".*\\.(jpg|png)");
        }
        JsonNode shortOnes = JSON.readTree(cutroom("playlist", "Ben", "--max-clip", "9", "--json").out());
        for (JsonNode item : shortOnes) {
            assertThat(item.get("duration").asDouble()).isLessThanOrEqualTo(9);
        }

        CliRun saved = cutroom("playlist", "Ben", "--minutes", "1", "--save", "--json");
        assertThat(saved.code()).as(saved.err()).isZero();
        try (io.cutroom.catalog.CatalogDb db = io.cutroom.catalog.TestCatalogs.open(home)) {
            io.cutroom.catalog.ProfileRepository profiles = new io.cutroom.catalog.ProfileRepository(db);
            List<io.cutroom.catalog.ProfileRepository.SavedPlaylist> kept = profiles.playlists(profiles.find("Ben").orElseThrow().id());
            assertThat(kept).hasSize(1);
            assertThat(JSON.readTree(kept.get(0).items())).isEqualTo(JSON.readTree(saved.out()));
            assertThat(kept.get(0).recommender()).isEqualTo("hybrid");
        }

        CliRun segments = cutroom("segments", "--json");
        assertThat(segments.code()).as(segments.err()).isZero();
        JsonNode groups = JSON.readTree(segments.out());
        int members = 0;
        for (JsonNode g : groups) {
            members += g.get("members").size();
        }
        assertThat(members).isEqualTo(2);

        CliRun nobody = cutroom("playlist", "Zoe");
        assertThat(nobody.code()).isNotZero();
        assertThat(nobody.err()).contains("no profile called Zoe");
    }
}
