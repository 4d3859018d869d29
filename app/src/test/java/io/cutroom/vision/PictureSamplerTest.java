package io.cutroom.vision;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The direct byte sampler feeds the networks what Java2D's bilinear drawing fed them, for every shape they take. */
class PictureSamplerTest {
    @Test
    void letterboxedTilesAndStretchedInputsMatchJava2d() throws Exception {
        BufferedImage wide = bgr(ImageIO.read(TestMedia.file("images/sklearn/china.jpg").toFile()), 480, 270);
        BufferedImage tile = wide.getSubimage(210, 0, 270, 270); // a face tile: a window into the picture's bytes
        BufferedImage photo = bgr(ImageIO.read(TestMedia.file("images/skimage/astronaut.png").toFile()), 512, 512);
        compare(tile, 256, 256, true);
        compare(wide, 320, 192, true);
        compare(wide, 512, 512, true);
        compare(photo, 224, 224, false);
        compare(wide.getSubimage(0, 0, 256, 256), 256, 256, true);
    }

    @Test
    void picturesWithAlphaAreLeftToJava2d() {
        assertThat(PictureSampler.of(new BufferedImage(8, 8, BufferedImage.TYPE_4BYTE_ABGR))).isNull();
        assertThat(PictureSampler.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB))).isNull();
    }

    private static void compare(BufferedImage picture, int w, int h, boolean letterbox) {
        float[] direct = (letterbox ? ModelInput.batch(List.of(picture), w, h, 1f, 0f)
                : ModelInput.batch(List.of(picture), w, 1f, 0f)).data().asFloat();
        BufferedImage drawn = letterbox ? ModelInput.letterboxed(picture, w, h) : ModelInput.stretched(copyOf(picture), w);
        int[] argb = drawn.getRGB(0, 0, w, h, null, 0, w);
        double sum = 0, worst = 0;
        for (int i = 0; i < argb.length; i++) {
            int[] rgb = {(argb[i] >> 16) & 0xff, (argb[i] >> 8) & 0xff, argb[i] & 0xff};
            for (int c = 0; c < 3; c++) {
                double d = Math.abs(direct[i * 3 + c] - rgb[c]);
                sum += d;
                worst = Math.max(worst, d);
            }
        }
        double mean = sum / (argb.length * 3.0);
        System.out.printf("sampler %dx%d -> %dx%d: mean difference %.3f, worst %.1f levels%n", picture.getWidth(),
                picture.getHeight(), w, h, mean, worst);
        assertThat(mean).isLessThan(0.5);
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    /** Java2D's own path for the comparison: a picture it cannot read the bytes of. */
    private static BufferedImage copyOf(BufferedImage picture) {
        BufferedImage copy = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return copy;
    }

    private static BufferedImage bgr(BufferedImage source, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
