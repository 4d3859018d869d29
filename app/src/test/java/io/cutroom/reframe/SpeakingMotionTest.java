package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.vision.Detection;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A talking mouth counts; a head that moves as a whole, or does not move, does not. */
class SpeakingMotionTest {
    private static final int W = 480;
    private static final int H = 270;
    /** A face in the left third of the picture, in fractions of the picture. */
    private static final Detection FACE = new Detection("face", 0.9f, 0.1f, 0.2f, 0.2f, 0.5f);

    @Test
    void aMouthThatChangesWhileTheEyesStayScoresAsTalking() {
        BufferedImage before = textured(0);
        BufferedImage after = textured(0);
        int mouthTop = (int) ((FACE.y() + 0.65 * FACE.height()) * H);
        int mouthBottom = (int) ((FACE.y() + 0.95 * FACE.height()) * H);
        for (int y = mouthTop; y < mouthBottom; y++) {
            for (int x = (int) ((FACE.x() + 0.3 * FACE.width()) * W); x < (int) ((FACE.x() + 0.7 * FACE.width()) * W); x++) {
                after.setRGB(x, y, 0x202020); // the mouth opens: a dark gap
            }
        }
        double talking = SpeakingMotion.score(before, after, FACE);
        assertThat(talking).isGreaterThan(0.8);
        assertThat(SpeakingMotion.boosted(1.0, talking)).isGreaterThan(1.4);
    }

    @Test
    void aHeadMovingAsAWholeOrStandingStillScoresNothing() {
        assertThat(SpeakingMotion.score(textured(0), textured(6), FACE)).isLessThan(0.05);
        assertThat(SpeakingMotion.score(textured(0), textured(0), FACE)).isZero();
        assertThat(SpeakingMotion.score(null, textured(0), FACE)).isZero();
        assertThat(SpeakingMotion.boosted(0.7, 0)).isEqualTo(0.7);
    }

    /** Stripes across the picture, moved {@code shift} pixels sideways: the same change in every row. */
    private static BufferedImage textured(int shift) {
        BufferedImage picture = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = (int) (128 + 80 * Math.sin((x - shift) / 4.0));
                picture.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return picture;
    }
}
