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
}
