package io.cutroom.vision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A model file whose bytes differ from the shipped SHA-256 is refused before anything loads it. */
class ModelIntegrityTest {
    @Test
    void aChangedModelFileIsRefusedWithASentence(@TempDir Path copy) throws Exception {
        Path models = Path.of("..", "models");
        Files.copy(models.resolve("models.json"), copy.resolve("models.json"));
        Files.copy(models.resolve("blazeface.sdz"), copy.resolve("blazeface.sdz"));
        ModelFiles files = ModelFiles.open(copy);
        assertThat(files.verified("blazeface")).exists();

        byte[] bytes = Files.readAllBytes(copy.resolve("blazeface.sdz"));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(copy.resolve("blazeface.sdz"), bytes);
        assertThatThrownBy(() -> files.verified("blazeface")).isInstanceOf(ModelException.class)
                .hasMessageContaining("damaged or was replaced").hasMessageContaining("Tagging is off");
        assertThatThrownBy(() -> files.verified("centernet")).isInstanceOf(ModelException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void taggingWithADamagedModelIsTurnedOffAndStoresNoTags(@TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("models"));
        try (var shipped = Files.list(Path.of("..", "models"))) {
            for (Path f : shipped.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        byte[] bytes = Files.readAllBytes(copy.resolve("centernet.sdz"));
        bytes[bytes.length / 3] ^= 0x40;
        Files.write(copy.resolve("centernet.sdz"), bytes);
        Path home = dir.resolve("data");
        java.io.StringWriter err = new java.io.StringWriter();
        System.setProperty("cutroom.models", copy.toString());
        try {
            io.cutroom.cli.CutroomCli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err),
                    "import", "--home", home.toString(), io.cutroom.TestMedia.file("images/skimage/astronaut.png").toString());
            int code = io.cutroom.cli.CutroomCli.run(new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(err, true), "tag", "--all", "--home", home.toString());
            assertThat(code).isEqualTo(io.cutroom.cli.CutroomCli.EXIT_ERROR);
        } finally {
            System.clearProperty("cutroom.models");
        }
        assertThat(err.toString()).contains("tagging is off").contains("centernet.sdz is damaged or was replaced");
        try (io.cutroom.catalog.CatalogDb db = io.cutroom.catalog.TestCatalogs.open(home)) {
            assertThat(new io.cutroom.catalog.TagRepository(db).taggedAssetIds()).isEmpty();
        }
    }
}
