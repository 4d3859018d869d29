package io.cutroom.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    public ThumbnailMaker() {
        Ffmpeg.init();
    }

    public List<Thumbnail> make(Path file, MediaInfo info) throws ProbeException {
        return switch (info.kind()) {
            case VIDEO -> video(file, info);
            case IMAGE -> still(file);
            case AUDIO -> coverArt(file);
        };
    }

    private List<Thumbnail> video(Path file, MediaInfo info) throws ProbeException {
        try (FFmpegFrameGrabber grabber = openPictures(file, false)) {
            double duration = info.durationSec() == null ? 0 : info.durationSec();
            List<Thumbnail> result = new ArrayList<>();
            BufferedImage poster = grabAt(grabber, duration * POSTER_POSITION, duration > 0);
            if (poster == null) {
                poster = grabAt(grabber, 0, true);
            }
            if (poster == null) {
                throw new ProbeException("No picture could be decoded from the video: the stream is damaged"
                        + " or uses a codec this build cannot decode.");
            }
            poster = Pictures.rotate(poster, info.rotationCw());
            result.add(encodeJpeg(Thumbnail.Role.POSTER, Pictures.fit(poster, POSTER_BOX, POSTER_BOX), 1));
            if (duration > 0) {
                result.add(filmstrip(grabber, duration, info.rotationCw()));
            }
            return result;
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The video could not be decoded: " + e.getMessage(), e);
        }
    }

    private Thumbnail filmstrip(FFmpegFrameGrabber grabber, double duration, int rotation) throws FrameGrabber.Exception {
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < FILMSTRIP_FRAMES; i++) {
            BufferedImage frame = grabAt(grabber, duration * (i + 0.5) / FILMSTRIP_FRAMES, true);
            if (frame != null) {
                frames.add(Pictures.fit(Pictures.rotate(frame, rotation), Integer.MAX_VALUE, FILMSTRIP_FRAME_HEIGHT));
            }
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

    private List<Thumbnail> still(Path file) throws ProbeException {
        BufferedImage upright = upright(file, POSTER_BOX);
        return List.of(encodeJpeg(Thumbnail.Role.POSTER, upright, 1));
    }

    /** A still decoded, turned upright by its EXIF orientation, and scaled to fit a square of {@code maxSide}. */
    public BufferedImage upright(Path file, int maxSide) throws ProbeException {
        try (FFmpegFrameGrabber grabber = openPictures(file, true)) {
            BufferedImage picture = grabAt(grabber, 0, false);
            if (picture == null) {
                throw new ProbeException("The picture could not be decoded: the file is damaged or truncated.");
            }
            BufferedImage upright = Pictures.orient(picture, StillMetadata.read(file).orientation());
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
            BufferedImage cover = grabAt(grabber, 0, false);
            if (cover == null) {
                return List.of();
            }
            return List.of(encodeJpeg(Thumbnail.Role.COVER, Pictures.fit(cover, POSTER_BOX, POSTER_BOX), 1));
        } catch (FrameGrabber.Exception | ProbeException e) {
            return List.of(); // a broken cover must not cost the editor the music
        }
    }

    private static FFmpegFrameGrabber openPictures(Path file, boolean strict) throws ProbeException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_BGR24);
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

    private static BufferedImage grabAt(FFmpegFrameGrabber grabber, double seconds, boolean seek)
            throws FrameGrabber.Exception {
        if (seek) {
            grabber.setVideoTimestamp(Math.round(seconds * 1_000_000));
        }
        Frame frame = grabber.grabImage();
        if (frame == null || frame.image == null) {
            return null;
        }
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            return Pictures.copy(converter.convert(frame));
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
