package io.cutroom.vision;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import io.cutroom.media.Ffmpeg;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.Pictures;
import io.cutroom.media.ProbeException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Decodes the pictures at given times, upright and scaled by FFmpeg to fit {@link #BOX} (no network needs
 * more). Close targets are reached by decoding forward; far ones by seeking to the keyframe before them,
 * so sparse samples of a long clip cost a fraction of decoding all of it.
 */
public final class FrameSampler {
    public static final int BOX = 512;
    static final double DECODE_FORWARD_SEC = 2.0;

    private FrameSampler() {
    }

    /** One pass wins when seeks would decode more than this share of the clip (each seek also flushes the decoder). */
    static final double ONE_PASS_SHARE = 0.8;
    static final double ONE_PASS_LEAD_SEC = 0.25;

    /** Seconds of video decoded to reach every target by seeking to the keyframe before it. */
    static double decodeAfterSeeks(List<Double> timesSec, double[] keyframes) {
        double total = 0;
        for (double t : timesSec) {
            int i = Arrays.binarySearch(keyframes, t);
            int before = i >= 0 ? i : -i - 2;
            total += before >= 0 ? t - keyframes[before] : t;
        }
        return total;
    }

    public static List<BufferedImage> sample(Path file, MediaInfo info, List<Double> timesSec) throws ProbeException {
        return sample(file, info, timesSec, new double[0]);
    }

    /** As above; a target that is one of {@code keyframes} is reached by seeking, which then decodes one frame. */
    public static List<BufferedImage> sample(Path file, MediaInfo info, List<Double> timesSec, double[] keyframes)
            throws ProbeException {
        return sample(file, info, timesSec, keyframes, false);
    }

    /**
     * Pictures for statistics (auto colour): frames that nothing refers to (most B-frames) are not decoded,
     * so a picture may come a frame after its target. A shot's colour does not change in a frame, and on a
     * 30 s 1080p H.264 clip the measuring took 1.6 to 2.1 s instead of 2.3 to 3.0 s. (Skipping the
     * deblocking filter too, as the analysis passes do, gained little more and moved a VP8 clip's measured
     * light by 1.3°: the filter works inside the prediction loop, so its absence drifts until a keyframe.)
     */
    public static List<BufferedImage> sampleForStatistics(Path file, MediaInfo info, List<Double> timesSec, double[] keyframes)
            throws ProbeException {
        return sample(file, info, timesSec, keyframes, true);
    }

    private static List<BufferedImage> sample(Path file, MediaInfo info, List<Double> timesSec, double[] keyframes,
                                              boolean forStatistics) throws ProbeException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_BGR24);
        if (forStatistics) {
            grabber.setVideoOption("skip_frame", "noref");
        }
        if (info.width() != null && info.height() != null) {
            double scale = Math.min(1.0, BOX / (double) Math.max(info.width(), info.height()));
            grabber.setImageWidth(Math.max(2, (int) Math.round(info.width() * scale) & ~1));
            grabber.setImageHeight(Math.max(2, (int) Math.round(info.height() * scale) & ~1));
        }
        List<BufferedImage> pictures = new ArrayList<>();
        double duration = info.durationSec() == null ? 0 : info.durationSec();
        // With keyframes far apart, each seek decodes seconds of frames: one pass that converts only the
        // frames it keeps costs less. (It decodes every frame: skipping those nothing refers to, as shot
        // detection does, moved samples a frame or two and changed what the networks saw.)
        boolean onePass = keyframes.length > 0 && decodeAfterSeeks(timesSec, keyframes) > ONE_PASS_SHARE * duration;
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setVideoOption("threads", Ffmpeg.analysisDecoderThreads());
            grabber.start();
            double halfFrame = 0.5 / (info.fps() == null || info.fps() <= 0 ? 25 : info.fps());
            double lead = onePass ? ONE_PASS_LEAD_SEC : 3 * halfFrame;
            double position = -1;
            BufferedImage last = null;
            for (double target : timesSec) {
                boolean atKeyframe = Arrays.binarySearch(keyframes, target) >= 0;
                boolean far = target - position > (atKeyframe ? 4 * halfFrame : DECODE_FORWARD_SEC) && !onePass;
                if (target < position || far) {
                    // Aiming half a frame early is safe between keyframes, but before a keyframe it would seek
                    // back a whole group of pictures: aim at the keyframe itself.
                    double aim = atKeyframe ? target : target - halfFrame;
                    grabber.setTimestamp(Math.round(Math.max(0, aim) * 1_000_000));
                    // The next frame is the keyframe itself, or one at or before the aim: from there, skip ahead
                    // without converting, except when that first frame is the target.
                    position = atKeyframe ? target : Double.NEGATIVE_INFINITY;
                }
                Frame frame;
                BufferedImage picture = null;
                // Frames well before the target are decoded but not converted to pictures: only the last
                // one or two go through the scaler, which otherwise costs as much as decoding.
                while (position < target - lead
                        && (frame = grabber.grabFrame(false, true, false, false, false)) != null) {
                    if (frame.image != null) {
                        position = frame.timestamp / 1e6;
                    }
                }
                while ((frame = grabber.grabImage()) != null) {
                    position = frame.timestamp / 1e6;
                    if (position >= target - halfFrame) {
                        picture = Pictures.copyBgr(converter, frame);
                        break;
                    }
                }
                if (picture == null && last == null) {
                    picture = lastReadable(grabber, converter);
                }
                // Past the last picture (audio ran longer, or the file breaks off): the final picture stands in.
                picture = picture != null ? Pictures.rotate(picture, info.rotationCw()) : last;
                if (picture == null) {
                    throw new ProbeException("No picture could be decoded near " + String.format(Locale.ROOT,
                            "%.1f s", target) + ": the video stream is damaged or unreadable.");
                }
                pictures.add(picture);
                last = picture;
            }
            grabber.stop();
            return pictures;
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The video could not be decoded for tagging: " + e.getMessage(), e);
        } finally {
            try {
                grabber.release();
            } catch (FrameGrabber.Exception ignored) {
                // Nothing left to do with a grabber that fails to close.
            }
        }
    }

    /**
     * The last picture of a clip that ends before the first time asked: a file cut short whose header still
     * promises the full length. A demuxer that ran into the break cannot seek back, so this starts over and
     * keeps the last picture decoded; it costs a decode of the readable part, on damaged files only.
     */
    private static BufferedImage lastReadable(FFmpegFrameGrabber grabber, Java2DFrameConverter converter)
            throws FrameGrabber.Exception {
        grabber.restart();
        BufferedImage last = null;
        Frame frame;
        while ((frame = grabber.grabImage()) != null) {
            if (frame.image != null) {
                last = Pictures.copyBgr(converter, frame);
            }
        }
        return last;
    }
}
