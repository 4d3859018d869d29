package io.cutroom.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.eval.color.CastEvaluation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The eyedropper on a real photo with a grey card under known casts. */
class NeutralPickTest {
    @Test
    void thePickedGreyCardComesBackNeutralWithinOneDegree() throws Exception {
        for (ColorCast cast : new ColorCast[] {ColorCast.kelvin(4000, 0), ColorCast.kelvin(9000, 0), ColorCast.kelvin(6504, 0.12)}) {
            BufferedImage scene = WhiteBalanceTest.photo("images/sklearn/china.jpg");
            int w = scene.getWidth() / 5;
            int h = scene.getHeight() / 5;
            Graphics2D g = scene.createGraphics();
            g.setColor(new Color(140, 140, 140));
            g.fillRect(2 * w, 3 * h, w, h);
            g.dispose();
            BufferedImage tinted = CastEvaluation.apply(scene, cast.factors());
            assertThat(cardAngle(tinted, w, h)).as(cast.name() + " before").isGreaterThan(3);

            double[] gains = NeutralPick.gainsAt(tinted, 2.5 / 5, 3.5 / 5);
            BufferedImage fixed = CastEvaluation.apply(tinted, gains);

            assertThat(cardAngle(fixed, w, h)).as(cast.name() + " after the pick").isLessThan(1.0);
        }
    }

    @Test
    void aPointPickedInPixelsMeasuresTheSameAreaAsTheSamePointInFractions() throws Exception {
        BufferedImage tinted = CastEvaluation.apply(WhiteBalanceTest.photo("images/sklearn/china.jpg"), ColorCast.kelvin(4000, 0).factors());
        int x = 311;
        int y = 207;
        assertThat(NeutralPick.gainsAround(tinted, x, y))
                .containsExactly(NeutralPick.gainsAt(tinted, x / (tinted.getWidth() - 1.0), y / (tinted.getHeight() - 1.0)));
    }

    @Test
    void aBlackOrBlownOutPickIsRefusedInASentence() {
        BufferedImage black = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> NeutralPick.gainsAt(black, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too dark or blown out");
    }

    private static double cardAngle(BufferedImage picture, int w, int h) {
        double[] sum = new double[3];
        for (int y = 3 * h + 3; y < 4 * h - 3; y++) {
            for (int x = 2 * w + 3; x < 3 * w - 3; x++) {
                int p = picture.getRGB(x, y);
                sum[0] += LinearImage.toLinear((p >> 16) & 0xff);
                sum[1] += LinearImage.toLinear((p >> 8) & 0xff);
                sum[2] += LinearImage.toLinear(p & 0xff);
            }
        }
        return Illuminant.angleDegrees(sum, new double[] {1, 1, 1});
    }
}
