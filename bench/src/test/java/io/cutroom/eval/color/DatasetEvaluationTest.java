package io.cutroom.eval.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.color.LinearImage;
import io.cutroom.color.WhiteBalanceEstimator;
import io.cutroom.color.WhiteBalanceTest;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval color --dataset} on a small set in the INTEL-TAU layout made from the test photos: each photo is
 * put into linear light under a known random light and stored as a 16-bit PNG with that light in
 * gt_illuminants.csv, as a colour checker would have measured it.
 */
class DatasetEvaluationTest {
    private static final List<String> PHOTOS = List.of("images/sklearn/china.jpg", "images/skimage/astronaut.png",
            "images/exif-orientation/Portrait_0.jpg", "images/skimage/motorcycle_left.png", "images/skimage/coffee.png");

    @TempDir
    Path folder;

    @Test
    void theOutOfFoldFiguresAreReproducibleFromTheSeed() throws Exception {
        writeSet();
        List<ColorDataset.Scene> scenes = ColorDataset.read(folder);
        assertThat(scenes).hasSize(PHOTOS.size());

        DatasetEvaluation.Report first = new DatasetEvaluation(null).run(scenes, 2, 11);
        DatasetEvaluation.Report again = new DatasetEvaluation(null).run(scenes, 2, 11);

        assertThat(residuals(again, DatasetEvaluation.CUTROOM_OUT_OF_FOLD)).isEqualTo(residuals(first, DatasetEvaluation.CUTROOM_OUT_OF_FOLD));
        assertThat(again.chosen()).isEqualTo(first.chosen());
        assertThat(again.trials().stream().map(DatasetEvaluation.Trial::fold).toList())
                .isEqualTo(first.trials().stream().map(DatasetEvaluation.Trial::fold).toList());
        List<Integer> otherFolds = new DatasetEvaluation(null).run(scenes, 2, 12).trials().stream().map(DatasetEvaluation.Trial::fold).toList();
        List<Integer> seed11 = first.trials().stream().map(DatasetEvaluation.Trial::fold).toList();
        List<Integer> seed13 = new DatasetEvaluation(null).run(scenes, 2, 13).trials().stream().map(DatasetEvaluation.Trial::fold).toList();
        assertThat(otherFolds.equals(seed11) && seed13.equals(seed11)).as("another seed deals the scenes differently").isFalse();
    }

    @Test
    void theScenesAreMadeNeutralWithTheirMeasuredLightBeforeTheCasts() throws Exception {
        writeSet();
        DatasetEvaluation.Report report = new DatasetEvaluation(null).run(ColorDataset.read(folder), 2, 1);
        for (DatasetEvaluation.Trial t : report.trials()) {
            double none = t.outcomes().get(DatasetEvaluation.NONE).residualDeg();
            if (t.cast().equals("none")) {
                // The measured light is taken out exactly; what remains is 8-bit rounding.
                assertThat(none).as(t.scene()).isLessThan(0.3);
            } else {
                assertThat(none).as(t.scene() + " under " + t.cast()).isGreaterThan(2.5);
            }
        }
        assertThat(report.trials()).allSatisfy(t -> assertThat(t.outcomes().get(DatasetEvaluation.CUTROOM_SHIPPED).largestGain())
                .isLessThanOrEqualTo(WhiteBalanceEstimator.MAX_CHANNEL_GAIN + 1e-9));
    }

    private static List<Double> residuals(DatasetEvaluation.Report report, String method) {
        return report.trials().stream().map(t -> t.outcomes().get(method).residualDeg()).toList();
    }

    private void writeSet() throws Exception {
        Random random = new Random(5);
        List<String> lines = new ArrayList<>(List.of("image,r,g,b"));
        for (int i = 0; i < PHOTOS.size(); i++) {
            // Small pictures: these tests check the folds and the neutral scenes, not accuracy, and each run
            // estimates every cast picture once per candidate setting.
            BufferedImage photo = WhiteBalanceTest.photo(PHOTOS.get(i), 200);
            double[] light = {0.4 + 0.4 * random.nextDouble(), 0.75, 0.25 + 0.3 * random.nextDouble()};
            String name = "scene_" + i + ".png";
            ImageIO.write(sixteenBit(photo, light), "png", folder.resolve(name).toFile());
            lines.add(name + "," + light[0] + "," + light[1] + "," + light[2]);
        }
        Files.write(folder.resolve(ColorDataset.GROUND_TRUTH), lines);
    }

    /** The photo in linear light under {@code light} (relative to green), 16 bits per channel, 65535 where it clipped. */
    private static BufferedImage sixteenBit(BufferedImage photo, double[] light) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(photo.getWidth(), photo.getHeight());
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int p = photo.getRGB(x, y);
                int[] encoded = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
                int[] out = new int[3];
                for (int c = 0; c < 3; c++) {
                    double v = encoded[c] >= 250 ? 1 : LinearImage.toLinear(encoded[c]) * light[c] / light[1] * 0.8;
                    out[c] = encoded[c] >= 250 ? 65535 : (int) Math.round(Math.min(65534, v * 65535));
                }
                raster.setPixel(x, y, out);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }
}
