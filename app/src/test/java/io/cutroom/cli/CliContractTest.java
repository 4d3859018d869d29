package io.cutroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's words, exit codes and JSON fields are a contract: these tests hold it in place. */
class CliContractTest {
    @TempDir
    Path home;

    /** Only catalog commands get the scratch catalog: the rest are run exactly as typed. */
    private CliRun cutroom(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0 && List.of("import", "list", "info", "render", "shots").contains(args[0])) {
            all.add(1, "--home=" + home);
        }
        return CliRun.of(all);
    }

    @Test
    void importPrintsOneLinePerFileAndExitsZeroWhenAllWentIn() {
        Path clip = TestMedia.file("video/realshort.mp4");
        Path still = TestMedia.file("images/skimage/coffee.png");
        CliRun run = cutroom("import", clip.toString(), still.toString());
        assertThat(run.code()).isZero();
        assertThat(run.lines()).containsExactly("imported 1 " + clip, "imported 2 " + still);

        CliRun again = cutroom("import", clip.toString());
        assertThat(again.code()).isZero();
        assertThat(again.lines()).containsExactly("duplicate 1 " + clip);
    }

    @Test
    void importExitsThreeWhenAnyFileFailedAndStillImportsTheOthers() {
        Path broken = TestMedia.file("images/skimage/truncated.jpg");
        Path good = TestMedia.file("audio/ambi_choir.flac");
        CliRun run = cutroom("import", broken.toString(), good.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith("failed " + broken + ": ").doesNotContain("Exception");
        assertThat(run.lines().get(1)).matches("imported \\d+ " + java.util.regex.Pattern.quote(good.toString()));
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cutroom("import").code()).isEqualTo(2);
        assertThat(cutroom("frobnicate").code()).isEqualTo(2);
        assertThat(cutroom("info", "not-a-number").code()).isEqualTo(2);
    }

    @Test
    void listAndInfoJsonCarryTheContractFields() throws Exception {
        Path clip = TestMedia.file("video/cup.mp4");
        cutroom("import", clip.toString(), TestMedia.file("audio/odd-wav/test-8000Hz-le-3ch-5S-24bit-inconsistent.wav").toString());
        JsonNode list = new ObjectMapper().readTree(cutroom("list", "--json").out());
        assertThat(list).hasSize(2);
        for (JsonNode asset : list) {
            assertThat(asset.fieldNames()).toIterable().contains("id", "path", "kind", "durationSec", "width", "height",
                    "fps", "rotation", "videoCodec", "audioCodec", "sampleRate", "channels", "sha256", "status", "error");
        }
        JsonNode cup = list.get(0);
        assertThat(cup.path("path").asText()).isEqualTo(clip.toString());
        assertThat(cup.path("kind").asText()).isEqualTo("video");
        assertThat(cup.path("width").asInt()).isEqualTo(640);
        assertThat(cup.path("videoCodec").asText()).isEqualTo("h264");
        assertThat(cup.path("status").asText()).isEqualTo("ready");
        assertThat(cup.path("sha256").asText()).hasSize(64);
        JsonNode failed = list.get(1);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("header");

        CliRun info = cutroom("info", "1", "--json");
        assertThat(info.code()).isZero();
        JsonNode one = new ObjectMapper().readTree(info.out());
        assertThat(one.path("id").asLong()).isEqualTo(1);
        assertThat(one.path("thumbnails").findValuesAsText("role")).contains("poster", "filmstrip");
    }

    @Test
    void infoOnAMissingIdSaysSo() {
        CliRun run = cutroom("info", "42");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no asset with id 42");
    }

    @Test
    void renderPrintsTheOutputAndFailsWithOneReadableLine() throws Exception {
        cutroom("import", TestMedia.file("video/realshort.mp4").toString());
        Path out = home.resolve("exports/short vertical.mp4");
        CliRun run = cutroom("render", "1", "--out", out.toString(), "--aspect", "9:16");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("rendered " + out + " 1080x1920 ");
        assertThat(out).exists();

        CliRun again = cutroom("render", "1", "--out", out.toString(), "--aspect", "9:16");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err().strip()).startsWith("cutroom: ").contains("already exists").doesNotContain("\n");
        CliRun badPreset = cutroom("render", "1", "--out", home.resolve("x.mp4").toString(), "--preset", "cinema");
        assertThat(badPreset.code()).isEqualTo(1);
        assertThat(badPreset.err()).contains("No preset called 'cinema'");
        CliRun missing = cutroom("render", "7", "--out", home.resolve("y.mp4").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no asset with id 7");
    }

    @Test
    void shotsAreFoundOnceAndPrintedAsJson() throws Exception {
        cutroom("import", TestMedia.file("video/big_buck_bunny_0_30.webm").toString());
        CliRun run = cutroom("shots", "1", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode shots = new ObjectMapper().readTree(run.out());
        assertThat(shots).hasSize(4);
        assertThat(shots.get(0).path("startSec").asDouble()).isZero();
        assertThat(shots.get(1).fieldNames()).toIterable().containsExactly("index", "startSec", "endSec");
        assertThat(cutroom("shots", "1", "--json").out()).isEqualTo(run.out());
    }

    @Test
    void versionIsPrinted() {
        CliRun run = cutroom("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out()).matches("cutroom \\d+\\.\\d+\\.\\d+.*\\R?");
    }
}
