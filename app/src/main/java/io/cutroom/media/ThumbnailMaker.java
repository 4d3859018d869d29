package io.cutroom.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_ABGR;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Decodes the pictures an editor sees in the library: a poster and a filmstrip for video, the picture
 * itself for a still, embedded cover art for music. Decoding them is also the proof that a file is
 * usable: a still that does not decode is refused here.
 */
public final class ThumbnailMaker {
    public static final int POSTER_BOX = 360;
    public static final int FILMSTRIP_FRAME_HEIGHT = 90;
    public static final int FILMSTRIP_FRAMES = 10;
    /** The poster comes from a tenth into the clip: first frames are often black or a slate. */
    private static final double POSTER_POSITION = 0.1;
    /** Bounds the decode after a seek in files with very long keyframe intervals. */
    private static final int MAX_FRAMES_AFTER_SEEK = 250;
    /**
     * Up to this many frames a clip is decoded once from start to end rather than sought eleven times: decoding
     * it all is cheap, while short clips often hold one keyframe, so each seek would decode from the start again.
     */
    private static final double ONE_PASS_MAX_FRAMES = 400;

    public ThumbnailMaker() {
        Ffmpeg.init();
    }

    public List<Thumbnail> make(Path file, MediaInfo info) throws ProbeException {
        return switch (info.kind()) {
            case VIDEO -> video(file, info);
            case IMAGE -> still(file, info.exifOrientation());
            case AUDIO -> coverArt(file);
        };
    }

    private List<Thumbnail> video(Path file, MediaInfo info) throws ProbeException {
        // FFmpeg scales while converting to ABGR, so Java never touches a full-size frame.
        try (FFmpegFrameGrabber grabber = openPictures(file, false, scaledSize(info))) {
            double duration = info.durationSec() == null ? 0 : info.durationSec();
            double[] targets = new double[FILMSTRIP_FRAMES + 1];
            targets[0] = duration * POSTER_POSITION;
            for (int i = 0; i < FILMSTRIP_FRAMES; i++) {
                targets[i + 1] = duration * (i + 0.5) / FILMSTRIP_FRAMES;
            }
            List<BufferedImage> frames = duration <= 0 ? new ArrayList<>()
                    : duration * (info.fps() == null ? 25 : info.fps()) <= ONE_PASS_MAX_FRAMES ? onePass(grabber, targets)
                    : bySeeking(grabber, targets, duration);
            if (frames.isEmpty()) {
                grabber.setTimestamp(0, false);
                BufferedImage first = grabPicture(grabber);
                if (first != null) {
                    frames.add(first);
                }
            }
            if (frames.isEmpty()) {
                throw new ProbeException("No picture could be decoded from the video: the stream is damaged"
                        + " or uses a codec this build cannot decode.");
            }
            List<Thumbnail> result = new ArrayList<>();
            BufferedImage poster = Pictures.rotate(frames.get(0), info.rotationCw());
            result.add(encodeJpeg(Thumbnail.Role.POSTER, Pictures.fit(poster, POSTER_BOX, POSTER_BOX), 1));
            if (frames.size() > 1) {
                result.add(filmstrip(frames.subList(1, frames.size()), info.rotationCw()));
            }
            return result;
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The video could not be decoded: " + e.getMessage(), e);
        }
    }

    /** Decodes each frame once and converts only the frames wanted: the poster, then the filmstrip. */
    private static List<BufferedImage> onePass(FFmpegFrameGrabber grabber, double[] targets) throws FrameGrabber.Exception {
        double[] sorted = targets.clone();
        Arrays.sort(sorted);
        Map<Double, BufferedImage> found = new HashMap<>();
        int next = 0;
        while (next < sorted.length) {
            Frame frame = grabber.grabFrame(false, true, false, false, false);
            if (frame == null) {
                break;
            }
            if (frame.image == null || frame.timestamp < Math.round(sorted[next] * 1_000_000)) {
                continue;
            }
            BufferedImage picture = grabPicture(grabber);
            if (picture == null) {
                break;
            }
            while (next < sorted.length && frame.timestamp >= Math.round(sorted[next] * 1_000_000)) {
                found.put(sorted[next++], picture);
            }
        }
        List<BufferedImage> inOrder = new ArrayList<>();
        double slice = targets.length > 2 ? targets[2] - targets[1] : 0;
        for (double t : targets) {
            BufferedImage picture = found.get(t);
            if (picture == null && t > 0) {
                // The pictures ended before the container did (audio runs longer, or odd timestamps):
                // take the last picture before this point instead.
                picture = grabNear(grabber, Math.max(0, t - slice), Math.max(0, t - 2 * slice));
            }
            if (picture != null) {
                inOrder.add(picture);
            }
        }
        return inOrder;
    }

    private static List<BufferedImage> bySeeking(FFmpegFrameGrabber grabber, double[] targets, double duration)
            throws FrameGrabber.Exception {
        double slice = duration / FILMSTRIP_FRAMES;
        List<BufferedImage> frames = new ArrayList<>();
        for (double target : targets) {
            BufferedImage frame = grabNear(grabber, target, target - slice / 4);
            if (frame != null) {
                frames.add(frame);
            }
        }
        return frames;
    }

    private Thumbnail filmstrip(List<BufferedImage> decoded, int rotation) {
        List<BufferedImage> frames = new ArrayList<>();
        for (BufferedImage frame : decoded) {
            frames.add(Pictures.fit(Pictures.rotate(frame, rotation), Integer.MAX_VALUE, FILMSTRIP_FRAME_HEIGHT));
        }
        int width = frames.stream().mapToInt(BufferedImage::getWidth).sum();
        int height = frames.stream().mapToInt(BufferedImage::getHeight).max().orElse(FILMSTRIP_FRAME_HEIGHT);
        BufferedImage strip = new BufferedImage(Math.max(1, width), height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = strip.createGraphics();
        int x = 0;
        for (BufferedImage frame : frames) {
            g.drawImage(frame, x, 0, null);
            x += frame.getWidth();
        }
        g.dispose();
        return encodeJpeg(Thumbnail.Role.FILMSTRIP, strip, frames.size());
    }

    private List<Thumbnail> still(Path file, int exifOrientation) throws ProbeException {
        BufferedImage upright = upright(file, exifOrientation, POSTER_BOX);
        return List.of(encodeJpeg(Thumbnail.Role.POSTER, upright, 1));
    }

    /** A still decoded, turned upright by its EXIF orientation, and scaled to fit a square of {@code maxSide}. */
    public BufferedImage upright(Path file, int exifOrientation, int maxSide) throws ProbeException {
        try (FFmpegFrameGrabber grabber = openPictures(file, true)) {
            BufferedImage picture = grabPicture(grabber);
            if (picture == null) {
                throw new ProbeException("The picture could not be decoded: the file is damaged or truncated.");
            }
            BufferedImage upright = Pictures.orient(picture, exifOrientation);
            return Pictures.fit(upright, maxSide, maxSide);
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The picture could not be decoded: the file is damaged or truncated.", e);
        }
    }

    /** Music files may carry a cover picture as an extra stream; it makes a better card than a waveform. */
    private List<Thumbnail> coverArt(Path file) {
        try (FFmpegFrameGrabber grabber = openPictures(file, false)) {
            if (grabber.getVideoStream() < 0) {
                return List.of();
            }
            BufferedImage cover = grabPicture(grabber);
            if (cover == null) {
                return List.of();
            }
            return List.of(encodeJpeg(Thumbnail.Role.COVER, Pictures.fit(cover, POSTER_BOX, POSTER_BOX), 1));
        } catch (FrameGrabber.Exception | ProbeException e) {
            return List.of(); // a broken cover must not cost the editor the music
        }
    }

    private static FFmpegFrameGrabber openPictures(Path file, boolean strict) throws ProbeException {
        return openPictures(file, strict, null);
    }

    private static FFmpegFrameGrabber openPictures(Path file, boolean strict, int[] size) throws ProbeException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        // With alpha, so a transparent background can be laid over white (Pictures.copy).
        grabber.setPixelFormat(AV_PIX_FMT_ABGR);
        if (size != null) {
            grabber.setImageWidth(size[0]);
            grabber.setImageHeight(size[1]);
        }
        if (strict) {
            // A still is one picture: any decoding error means the editor would see a broken image.
            grabber.setVideoOption("err_detect", "explode");
        }
        try {
            grabber.start();
            return grabber;
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new ProbeException("The file could not be opened for decoding: " + e.getMessage(), e);
        }
    }

    /** The coded size scaled to fit the poster box, even numbers for the scaler; null keeps the coded size. */
    private static int[] scaledSize(MediaInfo info) {
        if (info.width() == null || info.height() == null) {
            return null;
        }
        double scale = Math.min(1.0, POSTER_BOX / (double) Math.max(info.width(), info.height()));
        return new int[] {Math.max(2, (int) Math.round(info.width() * scale) & ~1),
                Math.max(2, (int) Math.round(info.height() * scale) & ~1)};
    }

    /**
     * A frame near {@code target}: seek to the keyframe before it, then decode forward only until a frame at or
     * after {@code notBefore}. Much cheaper than decoding to the exact frame, and a thumbnail needs no more.
     */
    private static BufferedImage grabNear(FFmpegFrameGrabber grabber, double target, double notBefore)
            throws FrameGrabber.Exception {
        grabber.setTimestamp(Math.round(target * 1_000_000), false);
        long threshold = Math.round(notBefore * 1_000_000);
        for (int decoded = 0; decoded < MAX_FRAMES_AFTER_SEEK; decoded++) {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                return null;
            }
            if (frame.image != null && (frame.timestamp >= threshold || decoded == MAX_FRAMES_AFTER_SEEK - 1)) {
                try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
                    return Pictures.copyAbgr(converter, frame);
                }
            }
        }
        return null;
    }

    /** The next decoded picture, as an image of its own. */
    private static BufferedImage grabPicture(FFmpegFrameGrabber grabber) throws FrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null || frame.image == null) {
            return null;
        }
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            return Pictures.copyAbgr(converter, frame);
        }
    }

    private static Thumbnail encodeJpeg(Thumbnail.Role role, BufferedImage image, int frames) {
        return new Thumbnail(role, "image/jpeg", image.getWidth(), image.getHeight(), frames, Pictures.jpeg(image));
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
