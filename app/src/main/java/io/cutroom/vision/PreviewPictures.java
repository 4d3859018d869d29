package io.cutroom.vision;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.worker.MediaWorkers;
import io.cutroom.worker.WorkerException;
import io.cutroom.worker.WorkerTask;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Pictures the studio shows of a clip (a still at preview size, the frame under the playhead), decoded
 * in the media worker like everything else, so a file that makes a decoder crash costs a message, not
 * the studio.
 */
public final class PreviewPictures {
    /** A decoder that takes this long over one picture is stuck. */
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(30);

    private PreviewPictures() {
    }

    /** A still, upright, fitted into a {@code box}-pixel square. */
    public static BufferedImage still(Path file, int exifOrientation, int box) throws WorkerException {
        return MediaWorkers.run(MediaWorkers.Kind.PREVIEW, new Decode(file.toString(), null, exifOrientation, box, 0),
                JobContext.NONE, QUIET_LIMIT).picture();
    }

    /** The video frame at {@code timeSec}, upright, at the size tagging samples at. */
    public static BufferedImage frame(Path file, MediaInfo info, double timeSec) throws WorkerException {
        return MediaWorkers.run(MediaWorkers.Kind.PREVIEW, new Decode(file.toString(), info, 1, 0, timeSec),
                JobContext.NONE, QUIET_LIMIT).picture();
    }

    /** A decoded picture as plain pixels, which cross the process line where a BufferedImage cannot. */
    record Pixels(int width, int height, int[] rgb) implements Serializable {
        static Pixels of(BufferedImage picture) {
            return new Pixels(picture.getWidth(), picture.getHeight(),
                    picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth()));
        }

        BufferedImage picture() {
            BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(0, 0, width, height, rgb, 0, width);
            return picture;
        }
    }

    /** {@code info} null: a still fitted into {@code box}; otherwise the video frame at {@code timeSec}. */
    record Decode(String path, MediaInfo info, int exifOrientation, int box, double timeSec) implements WorkerTask<Pixels> {
        @Override
        public String subject() {
            return Path.of(path).getFileName().toString();
        }

        @Override
        public Pixels run(JobContext ctx) throws Exception {
            Path file = Path.of(path);
            return Pixels.of(info == null ? new ThumbnailMaker().upright(file, exifOrientation, box)
                    : FrameSampler.sample(file, info, List.of(timeSec)).get(0));
        }
    }
}
