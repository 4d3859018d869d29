package io.cutroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.TestMedia;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.catalog.GradeRepository;
import io.cutroom.catalog.RenderRepository;
import io.cutroom.media.render.CubeLut;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colour commands: JSON contract, the stored grade used by renders, match, LUT export and bad input. */
class ColorCliTest {
    @TempDir
    Path home;
    @TempDir
    Path outDir;
    private static final ObjectMapper JSON = new ObjectMapper();


    private CliRun cutroom(String... args) {
        return CliRun.in(home, args);
    }

    @Test
    void autoStoresAPerShotGradeThatRendersUseAndMatchAndLutsWork() throws Exception {
        assertThat(cutroom("import", TestMedia.file("video/cup.mp4").toString(),
                TestMedia.file("video/cockatoo.mp4").toString()).code()).isZero();

        CliRun auto = cutroom("color", "1", "--auto", "--json");
        assertThat(auto.code()).as(auto.err()).isZero();
        JsonNode result = JSON.readTree(auto.out());
        assertThat(result.get("assetId").asLong()).isEqualTo(1);
        assertThat(result.get("source").asText()).isEqualTo("auto");
        JsonNode shot = result.get("shots").get(0);
        double sum = 0;
        for (JsonNode v : shot.get("illuminant")) sum += v.asDouble();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.001));
        assertThat(shot.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.get("grade").get("shots")).hasSize(result.get("shots").size());

        CliRun manual = cutroom("color", "1", "--temperature", "25", "--lift", "0.02");
        assertThat(manual.code()).as(manual.err()).isZero();
        JsonNode kept = JSON.readTree(cutroom("color", "1", "--json").out()).get("grade");
        assertThat(kept.get("temperature").asDouble()).isEqualTo(25.0);
        assertThat(kept.get("shots")).as("manual changes keep the automatic part").isNotEmpty();

        Path rendered = outDir.resolve("cup graded.mp4");
        CliRun render = cutroom("render", "1", "--out", rendered.toString(), "--preset", "proxy");
        assertThat(render.code()).as(render.err()).isZero();
        try (CatalogDb db = TestCatalogs.open(home)) {
            String settings = new RenderRepository(db).forAsset(1).get(0).settingsJson();
            assertThat(JSON.readTree(JSON.readTree(settings).get("grade").asText()).get("temperature").asDouble())
                    .as("the render used the stored grade").isEqualTo(25.0);
        }

        CliRun match = cutroom("color", "2", "--match", "1", "--json");
        assertThat(match.code()).as(match.err()).isZero();
        assertThat(JSON.readTree(match.out()).get("source").asText()).isEqualTo("match");
        assertThat(cutroom("color", "1", "--match", "1").code()).as("a clip is not its own reference").isNotZero();

        Path cube = outDir.resolve("cup look.cube");
        CliRun export = cutroom("color", "1", "--export-lut", cube.toString(), "--at", "1");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(CubeLut.read(cube)).isNotNull();

        Path broken = outDir.resolve("broken.cube");
        Files.writeString(broken, "LUT_3D_SIZE 17\n0 0 0\n1 1 1\n");
        CliRun bad = cutroom("color", "1", "--lut", broken.toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("truncated");
        try (CatalogDb db = TestCatalogs.open(home)) {
            String stored = new GradeRepository(db).find(1).orElseThrow().grade();
            assertThat(JSON.readTree(stored).has("lut")).as("a refused LUT is not stored").isFalse();
        }
    }

    @Test
    void colorImageCorrectsAStillWithoutACatalog() throws Exception {
        Path out = outDir.resolve("china corrigé.png");
        CliRun run = cutroom("color-image", TestMedia.file("images/sklearn/china.jpg").toString(), "--auto", "--json",
                "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("illuminant")).hasSize(3);
        assertThat(result.get("gains")).hasSize(3);
        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(ImageIO.read(TestMedia.file("images/sklearn/china.jpg").toFile()).getWidth());

        assertThat(cutroom("color-image", TestMedia.file("images/sklearn/china.jpg").toString(), "--auto", "--out",
                out.toString()).code()).as("an existing output is not replaced silently").isNotZero();
        CliRun truncated = cutroom("color-image", TestMedia.file("images/skimage/truncated.jpg").toString(), "--auto");
        assertThat(truncated.code()).isNotZero();
        assertThat(truncated.err()).contains("truncated.jpg");
    }
}
