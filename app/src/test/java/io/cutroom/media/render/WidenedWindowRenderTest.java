package io.cutroom.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.jobs.JobContext;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A window widened to the whole width of a 16:9 frame, rendered 9:16: both subjects at the frame's edges are
 * in the picture, the frame sits in the middle at its own shape, and above and below it is black (pad) or
 * the picture blurred (blur), with and without a grade.
 */
class WidenedWindowRenderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, graded {1}")
    @CsvSource({"PAD, false", "BLUR, false", "PAD, true", "BLUR, true"})
    void bothSubjectsAreKeptAndTheOutputIsFilledBeyondThePicture(Fill fill, boolean graded) throws Exception {
        // Grey, with a white square near each side: two subjects too far apart for any 9:16 window.
        Path clip = RenderPipelineTest.generate(dir, "apart.mp4", "color=0x808080:size=640x360:rate=25:duration=1",
                "drawbox=x=20:y=160:w=40:h=40:color=white:t=fill,drawbox=x=580:y=160:w=40:h=40:color=white:t=fill");
        double h = 1 / ((9.0 / 16) * 360 / 640); // a 9:16 window as wide as the frame is this many frames high
        CropTrack track = new CropTrack(640, 360, AspectRatio.VERTICAL,
                List.of(new CropTrack.Keyframe(0, new CropWindow(0, (1 - h) / 2, 1, h))), fill);
        Grade grade = graded ? new Grade(null, null, null, 10.0, null, null, null, null) : null; // a little warmer
        Path out = dir.resolve("widened.mp4");
        new RenderPipeline().render(new RenderRequest(clip, out, RenderPreset.SOCIAL_VERTICAL, null, track, grade, null, false),
                JobContext.NONE);

        BufferedImage frame = middleFrame(out);
        assertThat(frame.getWidth()).isEqualTo(1080);
        assertThat(frame.getHeight()).isEqualTo(1920);
        // The frame is scaled to 1080 wide (608 high), centred: the squares at x 40 and 600 of 640.
        assertThat(luma(frame, 40 * 1080 / 640, 960)).as("left subject").isGreaterThan(200);
        assertThat(luma(frame, 600 * 1080 / 640, 960)).as("right subject").isGreaterThan(200);
        assertThat(luma(frame, 540, 960)).as("the picture between them").isCloseTo(128, within(25));
        for (int y : new int[] {100, 1820}) {
            int fillLuma = luma(frame, 540, y);
            if (fill == Fill.PAD) {
                assertThat(fillLuma).as("pad at y %d", y).isLessThan(25);
            } else {
                assertThat(fillLuma).as("blur at y %d", y).isCloseTo(128, within(40));
            }
        }
    }

    private static BufferedImage middleFrame(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame;
            for (int i = 0; i < 12 && (frame = grabber.grabImage()) != null; i++) {
                if (i == 11) return converter.getBufferedImage(frame);
            }
        }
        throw new AssertionError("The render has fewer than 12 frames.");
    }

    /** The mean luma of a 9x9 patch. */
    private static int luma(BufferedImage image, int cx, int cy) {
        long sum = 0;
        for (int y = cy - 4; y <= cy + 4; y++) {
            for (int x = cx - 4; x <= cx + 4; x++) {
                int rgb = image.getRGB(x, y);
                sum += (299 * ((rgb >> 16) & 255) + 587 * ((rgb >> 8) & 255) + 114 * (rgb & 255)) / 1000;
            }
        }
        return (int) (sum / 81);
    }
}
