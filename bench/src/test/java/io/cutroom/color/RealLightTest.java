package io.cutroom.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.eval.color.CastEvaluation;
import io.cutroom.eval.color.CastResidual;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pictures built to fool a white-balance estimator: whatever they do to the estimate, the correction applied
 * is the correction for a light that exists, with no channel's gain over 4 or under a quarter.
 */
class RealLightTest {
    private final WhiteBalanceEstimator estimator = new WhiteBalanceEstimator();

    @Test
    void pureRedBlueSkyAndANeonSignGetOnlyRealLights() {
        for (BufferedImage picture : new BufferedImage[] {flat(new Color(230, 10, 10)), sky(), neon(), flat(new Color(10, 200, 20))}) {
            WhiteBalance wb = estimator.estimate(LinearImage.of(picture));
            double[] g = wb.gains();
            Illuminant applied = new Illuminant(1 / g[0], 1 / g[1], 1 / g[2]);
            assertThat(LightLocus.distanceOutside(wb.estimate())).as("the estimate lies in the band").isLessThan(1e-9);
            assertThat(LightLocus.distanceOutside(applied)).as("the applied light lies in the band").isLessThan(1e-9);
            assertThat(applied.largestGain()).as("largest gain").isLessThanOrEqualTo(WhiteBalanceEstimator.MAX_CHANNEL_GAIN + 1e-9);
        }
    }

    @Test
    void aLightOutsideTheBandIsMovedToItsEdgeAndAnExtremeOneIsCapped() {
        Illuminant magentaWall = new Illuminant(0.5, 0.1, 0.4);
        assertThat(LightLocus.distanceOutside(magentaWall)).isGreaterThan(0.5);
        Illuminant confined = LightLocus.confine(magentaWall);
        assertThat(LightLocus.distanceOutside(confined)).isLessThan(1e-9);
        Illuminant candle = new Illuminant(0.75, 0.22, 0.03);
        assertThat(candle.largestGain()).isGreaterThan(5);
        Illuminant limited = candle.limitedTo(4);
        assertThat(limited.largestGain()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(limited.angleTo(candle)).as("limited along the way from neutral, not turned").isGreaterThan(1);
        double[] way = candle.logChroma();
        double[] at = limited.logChroma();
        assertThat(way[0] * at[1] - way[1] * at[0]).as("on the straight way from neutral").isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        Illuminant tungsten = ColorCast.kelvin(2700, 0).illuminant();
        assertThat(tungsten.limitedTo(4)).as("2700 K is taken out in full").isEqualTo(tungsten);
        Illuminant daylight = ColorCast.kelvin(6504, 0).illuminant();
        assertThat(LightLocus.confine(daylight)).isEqualTo(daylight);
    }

    @Test
    void aPictureOfOneStrongColourIsLeftWithinOneDegree() throws Exception {
        for (BufferedImage picture : new BufferedImage[] {flat(new Color(230, 60, 40)), noisy(new Color(40, 90, 200))}) {
            BufferedImage fixed = CastEvaluation.apply(picture, estimator.estimate(LinearImage.of(picture)).gains());
            assertThat(CastResidual.degrees(LinearImage.of(picture), LinearImage.of(fixed))).isLessThan(1.0);
        }
    }

    private static BufferedImage flat(Color c) {
        BufferedImage picture = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 200, 150);
        g.dispose();
        return picture;
    }

    private static BufferedImage noisy(Color c) {
        BufferedImage picture = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                double s = 0.5 + 0.5 * random.nextDouble();
                picture.setRGB(x, y, new Color((int) (c.getRed() * s), (int) (c.getGreen() * s), (int) (c.getBlue() * s)).getRGB());
            }
        }
        return picture;
    }

    /** A clear sky only: deep blue at the top to pale blue at the horizon. */
    private static BufferedImage sky() {
        BufferedImage picture = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 70, 190), 0, 160, new Color(150, 190, 240)));
        g.fillRect(0, 0, 240, 160);
        g.dispose();
        return picture;
    }

    /** A neon sign at night: saturated magenta and cyan tubes on near black. */
    private static BufferedImage neon() {
        BufferedImage picture = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(12, 8, 16));
        g.fillRect(0, 0, 240, 160);
        g.setStroke(new java.awt.BasicStroke(6));
        g.setColor(new Color(255, 40, 200));
        g.drawOval(30, 30, 80, 80);
        g.setColor(new Color(30, 230, 240));
        g.drawLine(130, 40, 210, 120);
        g.drawLine(130, 120, 210, 40);
        g.dispose();
        return picture;
    }
}
