package io.cutroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names with quotes, semicolons, shell syntax, a newline, a right-to-left override, emoji, SQL and option
 * look-alikes: stored and shown exactly (escaped only where a line of text would break), never executed.
 */
class HostileNamesTest {
    @TempDir
    Path home;
    @TempDir
    Path footage;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> NAMES = List.of("quote'single\"double.mp4", "semi;colon $(echo hi) `x`.jpg",
            "new\nline.png", "rtl_\u05e2\u05d1\u05e8\u05d9\u05ea_\u202etxt.png", "emoji_\ud83c\udfac.flac", "--help.png",
            "'; DROP TABLE assets;--.jpg", "long_" + "x".repeat(200) + ".mp4");
    private static final List<String> SOURCES = List.of("video/cup.mp4", "images/sklearn/china.jpg",
            "images/skimage/coffee.png", "images/skimage/chelsea.png", "audio/guit_em9.flac", "images/skimage/astronaut.png",
            "images/exif-orientation/Portrait_1.jpg", "video/fire2.mp4");

    @Test
    void hostileNamesAreStoredAndShownExactly() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Path file = footage.resolve(NAMES.get(i));
            Files.copy(TestMedia.file(SOURCES.get(i)), file);
            files.add(file);
        }
        CliRun imported = CliRun.in(home, "import", footage.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.lines()).as("one line per file, a newline in a name included").hasSize(NAMES.size());
        assertThat(imported.out()).contains("new\\nline.png").contains("\\u202Etxt.png");

        JsonNode listed = JSON.readTree(CliRun.in(home, "list", "--json").out());
        List<String> paths = new ArrayList<>();
        listed.forEach(a -> paths.add(a.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrderElementsOf(files.stream().map(Path::toString).toList());

        long clip = 0;
        for (JsonNode a : listed) {
            if (a.get("path").asText().endsWith(NAMES.get(0))) {
                clip = a.get("id").asLong();
            }
        }
        assertThat(clip).isPositive();
        Path out = footage.resolve("out 'it''s' \"q\" ;$(x) é.mp4");
        CliRun rendered = CliRun.in(home, "render", Long.toString(clip), "--preset", "proxy", "--out", out.toString());
        assertThat(rendered.code()).as(rendered.err()).isZero();
        assertThat(out).exists();

        String viewer = "Ana'; DROP TABLE profiles;--";
        assertThat(CliRun.in(home, "profile", "add", viewer, "--interests", "bird,\"cat\"").code()).isZero();
        assertThat(CliRun.in(home, "event", viewer, Long.toString(clip), "like").code()).isZero();
        JsonNode profiles = JSON.readTree(CliRun.in(home, "profile", "list", "--json").out());
        assertThat(profiles.get(0).get("name").asText()).isEqualTo(viewer);
        assertThat(profiles.get(0).get("interests").get(1).asText()).isEqualTo("\"cat\"");
        assertThat(CliRun.in(home, "list", "--json").code()).as("the assets table is still there").isZero();
    }
}
