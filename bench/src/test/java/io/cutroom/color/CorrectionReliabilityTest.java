package io.cutroom.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.eval.color.CastEvaluation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learned reliability scales auto white balance's strength, and the shipped model reads. */
public class CorrectionReliabilityTest {
    @Test
    void theShippedModelIsReadAndUsedByDefault() {
        assertThat(CorrectionReliability.shipped()).as("models/" + CorrectionReliability.FILE).isPresent();
    }

    @Test
    void aCorrectionIsScaledByTheChanceThatItHelps() throws Exception {
        BufferedImage scene = WhiteBalanceTest.photo("images/sklearn/china.jpg");
        LinearImage cast = LinearImage.of(CastEvaluation.apply(scene, ColorCast.kelvin(4000, 0).factors()));
        WhiteBalanceEstimator.Settings settings = WhiteBalanceEstimator.Settings.DEFAULT;
        WhiteBalance alone = new WhiteBalanceEstimator(settings).estimate(cast);
        // A model with no weights and a bias of 0 gives every correction even odds.
        double[] zeros = new double[CorrectionReliability.Features.NAMES.size()];
        double[] ones = zeros.clone();
        Arrays.fill(ones, 1);
        CorrectionReliability evenOdds = new CorrectionReliability(zeros, 0, zeros, ones);
        WhiteBalance halved = new WhiteBalanceEstimator(settings, evenOdds).estimate(cast);

        assertThat(alone.strength()).isGreaterThan(0.5);
        assertThat(halved.strength()).isCloseTo(alone.strength() / 2, within(1e-9));
        assertThat(halved.reliability()).isCloseTo(0.5, within(1e-9));
        assertThat(alone.reliability()).isEqualTo(1);
        // The shipped model believes a 4000 K cast over a city with grey walls.
        WhiteBalance shipped = new WhiteBalanceEstimator().estimate(cast);
        assertThat(shipped.strength()).isGreaterThan(alone.strength() * 0.8);
    }

    @Test
    void aDamagedModelFileIsRefusedInASentence(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(CorrectionReliability.FILE);
        Files.writeString(file, "{\"model\": {\"weights\": [1, 2], \"bias\": 0, \"mean\": [0, 0], \"scale\": [1, 1]}}");
        assertThatThrownBy(() -> CorrectionReliability.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("needs 6 weights");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> CorrectionReliability.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("holds no reliability model");
    }
}
