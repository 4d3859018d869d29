package io.cutroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.TestMedia;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.catalog.ReframeRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reframe commands: JSON contract, the stored track and its signals, rendering it, and bad input. */
class ReframeCliTest {
    @TempDir
    Path home;
    @TempDir
    Path outDir;
    private static final ObjectMapper JSON = new ObjectMapper();


    private CliRun cutroom(String... args) {
        return CliRun.in(home, args);
    }

    @Test
    void reframesACatalogClipStoresTheTrackAndRendersIt() throws Exception {
        assertThat(cutroom("import", TestMedia.file("video/chaplin.mp4").toString()).code()).isZero();
        CliRun run = cutroom("reframe", "1", "--aspect", "9:16", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("aspect").asText()).isEqualTo("9:16");
        assertThat(result.get("style").asText()).isEqualTo("default");
        assertThat(result.get("shots")).isNotEmpty();
        assertThat(result.get("shots").get(0).get("mode").asText()).isIn("STEADY", "PAN", "TRACK");
        JsonNode track = result.get("track");
        assertThat(track.get("sourceWidth").asInt()).isEqualTo(640);
        assertThat(track.get("keyframes").get(0).has("x")).isTrue();
        try (CatalogDb db = TestCatalogs.open(home)) {
            ReframeRepository.Stored stored = new ReframeRepository(db).find(1, "9:16").orElseThrow();
            assertThat(JSON.readTree(stored.track())).isEqualTo(track);
            assertThat(JSON.readTree(stored.signals())).isNotEmpty();
        }

        // Reframing again from the command line keeps the editor's corrections for that shape.
        try (CatalogDb db = TestCatalogs.open(home)) {
            ReframeRepository repository = new ReframeRepository(db);
            ReframeRepository.Stored stored = repository.find(1, "9:16").orElseThrow();
            repository.save(new ReframeRepository.Stored(1, "9:16", stored.style(), stored.weights(), stored.track(),
                    stored.shots(), stored.signals(), "[{\"t\":1.0,\"cx\":0.3,\"cy\":0.5}]", "[]", stored.createdAt()));
        }
        assertThat(cutroom("reframe", "1", "--aspect", "9:16").code()).isZero();
        try (CatalogDb db = TestCatalogs.open(home)) {
            String pins = new ReframeRepository(db).find(1, "9:16").orElseThrow().pins();
            assertThat(JSON.readTree(pins).get(0).get("cx").asDouble()).isEqualTo(0.3);
        }

        Path out = outDir.resolve("chaplin vertical «é».mp4");
        CliRun rendered = cutroom("reframe", "1", "--aspect", "9:16", "--out", out.toString());
        assertThat(rendered.code()).as(rendered.err()).isZero();
        assertThat(out).exists();
        JsonNode probe = TestMedia.ffprobe(out);
        JsonNode video = probe.get("streams").get(0);
        assertThat(video.get("height").asInt()).isGreaterThan(video.get("width").asInt());
    }

    @Test
    void aFileWithoutACatalogAndBadInputGetClearAnswers() throws Exception {
        CliRun run = cutroom("reframe-file", TestMedia.file("video/cockatoo.mp4").toString(), "--aspect", "1:1", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("aspect").asText()).isEqualTo("1:1");

        CliRun badAspect = cutroom("reframe-file", TestMedia.file("video/cockatoo.mp4").toString(), "--aspect", "tall");
        assertThat(badAspect.code()).isNotZero();
        assertThat(badAspect.err()).contains("9:16");
        CliRun badWeights = cutroom("reframe-file", TestMedia.file("video/cockatoo.mp4").toString(), "--aspect", "9:16",
                "--weights", "face=lots");
        assertThat(badWeights.err()).contains("face");
        Path still = TestMedia.file("images/skimage/coffee.png");
        CliRun notVideo = cutroom("reframe-file", still.toString(), "--aspect", "9:16");
        assertThat(notVideo.code()).isNotZero();
        assertThat(notVideo.err()).contains("only videos can be reframed");
        Path broken = Files.write(outDir.resolve("broken.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        CliRun damaged = cutroom("reframe-file", broken.toString(), "--aspect", "9:16");
        assertThat(damaged.code()).isNotZero();
        assertThat(damaged.err()).startsWith("cutroom: ");
    }
}
