package io.cutroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetLog;
import io.cutroom.sidecars.XmpSidecar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curating words of the command line, as the issue spells them, on a real catalog with a hostile name. */
class CurationCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;
    @TempDir
    Path media;

    private CliRun cutroom(String... args) {
        return CliRun.in(home, args);
    }

    @Test
    void logMarkSelectAndCollect() throws Exception {
        Path hostile = Files.copy(TestMedia.file("video/cup.mp4"), media.resolve("cup \"take\" 2 & co ü.mp4"));
        assertThat(cutroom("import", hostile.toString(), TestMedia.file("video/chaplin.mp4").toString()).code()).isZero();

        assertThat(cutroom("rate", "1", "4").out()).contains("1 cup \"take\" 2 & co ü.mp4: 4 stars");
        assertThat(cutroom("flag", "1", "pick").out()).contains("4 stars, pick, no label");
        assertThat(cutroom("label", "1", "red").out()).contains("pick, red");
        assertThat(cutroom("note", "1", "A hand lifts the mug").out()).contains("\"A hand lifts the mug\"");
        CliRun tooMany = cutroom("rate", "1", "9");
        assertThat(tooMany.code()).isEqualTo(1);
        assertThat(tooMany.err()).isEqualTo("cutroom: A rating is 0 to 5 stars, not 9." + System.lineSeparator());
        assertThat(cutroom("flag", "1", "maybe").err()).contains("pick, reject or none");
        assertThat(cutroom("label", "7", "red").err()).contains("no asset with id 7");

        assertThat(cutroom("marker", "1", "2.5", "mug in frame").out()).startsWith("marker 1 on 1 at 2.500 s: mug in frame");
        assertThat(cutroom("select", "2", "--in", "1", "--out", "4", "--name", "the tip of the hat").out())
                .startsWith("select 1 on 2 from 1.000 s to 4.000 s: the tip of the hat");
        assertThat(cutroom("select", "2", "--in", "4", "--out", "1").code()).isEqualTo(1);

        assertThat(cutroom("collection", "create", "Reel/Keepers").out()).startsWith("created collection Reel/Keepers");
        assertThat(cutroom("collection", "add", "Reel/Keepers", "2", "1").out()).startsWith("added 2 of 2 to Reel/Keepers");
        assertThat(cutroom("collection", "create", "Picks", "--smart", "flag:pick rating>=3").out())
                .contains("(smart: flag:pick rating>=3)");
        assertThat(cutroom("collection", "create", "Broken", "--smart", "rating>=").err()).startsWith("cutroom: ");

        JsonNode list = JSON.readTree(cutroom("collection", "list", "--json").out());
        assertThat(list).hasSize(3);
        assertThat(list.get(2).path("path").asText()).isEqualTo("Reel/Keepers");
        assertThat(list.get(2).path("count").asInt()).isEqualTo(2);
        assertThat(list.get(0).path("kind").asText()).isEqualTo("smart");
        assertThat(list.get(0).path("count").asInt()).isEqualTo(1);

        JsonNode picks = JSON.readTree(cutroom("collection", "show", "Picks", "--json").out());
        assertThat(picks.path("assets")).hasSize(1);
        assertThat(picks.path("assets").get(0).path("path").asText()).isEqualTo(hostile.toString());
        assertThat(picks.path("assets").get(0).path("label").asText()).isEqualTo("red");
        JsonNode keepers = JSON.readTree(cutroom("collection", "show", "Reel/Keepers", "--json").out());
        assertThat(keepers.path("assets").get(0).path("id").asLong()).isEqualTo(2);
        assertThat(cutroom("collection", "show", "Nowhere").err()).contains("no collection called Nowhere");
    }

    @Test
    void aSidecarBesideAFileIsTakenAtImportAndWrittenBackOnRequest() throws Exception {
        Path clip = Files.copy(TestMedia.file("video/chaplin.mp4"), media.resolve("chaplin ü.mp4"));
        XmpSidecar.write(clip, new XmpSidecar.Contents(new AssetLog(3, AssetLog.Flag.PICK, AssetLog.Label.BLUE, "from Bridge"),
                List.of(), List.of("Edit/Selects")));
        assertThat(cutroom("import", clip.toString()).code()).isZero();

        JsonNode selects = JSON.readTree(cutroom("collection", "show", "Edit/Selects", "--json").out());
        assertThat(selects.path("assets")).hasSize(1);
        assertThat(selects.path("assets").get(0).path("rating").asInt()).isEqualTo(3);
        assertThat(selects.path("assets").get(0).path("label").asText()).isEqualTo("blue");

        assertThat(cutroom("rate", "1", "5").code()).isZero();
        CliRun wrote = cutroom("sidecar", "write", "1");
        assertThat(wrote.out()).startsWith("wrote 1 ");
        assertThat(XmpSidecar.read(clip).orElseThrow().log().rating()).isEqualTo(5);
        assertThat(XmpSidecar.read(clip).orElseThrow().collections()).containsExactly("Edit/Selects");
        assertThat(cutroom("sidecar", "read", "--all").out()).contains("1 chaplin ü.mp4: 5 stars, pick, blue");
        assertThat(cutroom("sidecar", "sideways", "1").err()).contains("sidecar write or sidecar read");
    }
}
