package io.cutroom.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.eval.color.CastEvaluation;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Auto exposure on a real photo made dark, and the scopes on pictures whose answer is known. */
class ExposureAndScopesTest {
    private final ExposureEstimator exposure = new ExposureEstimator();

    @Test
    void aWellExposedPhotoIsLeftAloneAndADarkenedOneIsBroughtBackWithoutClipping() throws Exception {
        BufferedImage photo = WhiteBalanceTest.photo("images/skimage/astronaut.png");
        assertThat(exposure.estimate(LinearImage.of(photo)).ev()).isEqualTo(0.0);

        double factor = Math.pow(2, -2.5);
        BufferedImage dark = CastEvaluation.apply(photo, new double[] {factor, factor, factor});
        Exposure fix = exposure.estimate(LinearImage.of(dark));

        assertThat(fix.ev()).as("EV added").isBetween(1.0, 2.0);
        assertThat(fix.high() * Math.pow(2, fix.ev())).as("the 99.5th percentile after brightening").isLessThanOrEqualTo(0.93);
    }

    @Test
    void blackAndBlownOutFramesAreLeftAloneWhileABrightOneIsDarkened() {
        BufferedImage black = ramp(0, 8);
        assertThat(exposure.estimate(LinearImage.of(black)).showsNothing()).isTrue();
        assertThat(exposure.estimate(LinearImage.of(black)).ev()).as("a fade to black is not lifted").isEqualTo(0.0);

        BufferedImage white = ramp(255, 255);
        assertThat(exposure.estimate(LinearImage.of(white)).blownOut()).isTrue();
        assertThat(exposure.estimate(LinearImage.of(white)).ev()).as("a white flash is not turned grey").isEqualTo(0.0);
        BufferedImage mostlyClipped = ramp(180, 180);
        for (int y = 0; y < mostlyClipped.getHeight(); y++) {
            for (int x = 0; x < mostlyClipped.getWidth() * 6 / 10; x++) {
                mostlyClipped.setRGB(x, y, 0xffffff);
            }
        }
        assertThat(exposure.estimate(LinearImage.of(mostlyClipped)).ev()).as("60% of the frame clipped").isEqualTo(0.0);

        BufferedImage bright = ramp(200, 240);
        assertThat(exposure.estimate(LinearImage.of(bright)).ev()).as("bright, but nothing clipped").isNegative();
    }

    @Test
    void aFlatPictureGainsContrastAndANormalOneDoesNot() {
        BufferedImage flat = ramp(100, 160);
        assertThat(exposure.estimate(LinearImage.of(flat)).contrast()).isGreaterThan(1.1);
        BufferedImage full = ramp(5, 250);
        assertThat(exposure.estimate(LinearImage.of(full)).contrast()).isEqualTo(1.0);
    }

    @Test
    void scopesCountWhatThePictureHolds() {
        BufferedImage grey = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                grey.setRGB(x, y, x < 100 ? 0x404040 : 0xc0c0c0);
            }
        }
        Scopes scopes = Scopes.of(grey);
        assertThat(scopes.histogram()[3][0x40]).isEqualTo(100 * 100);
        assertThat(scopes.histogram()[0][0xc0]).isEqualTo(100 * 100);
        int centre = Scopes.VECTOR_SIZE / 2;
        assertThat(scopes.vectorscope()[centre][centre]).as("no colour sits at the centre").isEqualTo(200 * 100);
        int columns = scopes.waveform().length;
        assertThat(scopes.waveform()[0][0x40]).isPositive();
        assertThat(scopes.waveform()[columns - 1][0xc0]).isPositive();
        assertThat(scopes.waveform()[columns - 1][0x40]).isZero();

        BufferedImage red = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                red.setRGB(x, y, 0xff0000);
            }
        }
        int[][] vector = Scopes.of(red).vectorscope();
        int hits = 0;
        for (int y = 0; y < centre; y++) {
            for (int x = 0; x < centre; x++) {
                hits += vector[y][x];
            }
        }
        assertThat(hits).as("red plots above centre (high Cr) and left of it (low Cb)").isEqualTo(100);
    }

    private static BufferedImage ramp(int from, int to) {
        BufferedImage picture = new BufferedImage(256, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 256; x++) {
                int v = from + (to - from) * x / 255;
                picture.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return picture;
    }
}
