package io.cutroom.reframe;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.Pictures;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.YuvPictureScaler;
import io.cutroom.media.render.YuvPlanes;
import io.cutroom.media.shots.CutFinder;
import io.cutroom.media.shots.ShotDetector;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * The analysed moments of a clip (pictures {@link SignalAnalyzer#ANALYSIS_WIDTH} wide, a few a second), read
 * a group at a time so that only a few seconds of pictures are held, however long the clip. FFmpeg decodes
 * every frame others refer to, without the deblocking filter (see ShotDetector), as its own YUV pictures;
 * swscale makes the small grey copy for the cut finder and, at analysed moments, the picture.
 * <p>
 * Decoding is not overlapped with the networks: tried on a thread of its own, it took the cores from
 * ND4J's OpenMP threads, which then waited on each other, and CenterNet ran two to three times slower.
 */
final class DecodedMoments implements AutoCloseable {
    record Moment(double t, BufferedImage picture) {
    }

    private final MediaInfo info;
    private final CutFinder cuts;
    private final FFmpegFrameGrabber grabber;
    private final YuvPictureScaler toPicture;
    private final YuvPictureScaler toGrey;
    private final byte[] grey;
    private final double step = 1 / SignalAnalyzer.FRAMES_PER_SEC;
    private final double frame;
    private double next;
    private double position = Double.NEGATIVE_INFINITY;
    private double end;
    private boolean ended;

    /** Opens the clip; {@code cuts}, when not null, is fed every decoded frame. */
    DecodedMoments(Path file, MediaInfo info, CutFinder cuts) throws ProbeException {
        this.info = info;
        this.cuts = cuts;
        this.frame = 1 / (info.fps() == null || info.fps() <= 0 ? 25 : info.fps());
        this.end = info.durationSec() == null ? 0 : info.durationSec();
        int width = SignalAnalyzer.ANALYSIS_WIDTH;
        int greyWidth = ShotDetector.ANALYSIS_WIDTH;
        toPicture = new YuvPictureScaler(width, evenHeight(width), AV_PIX_FMT_BGR24, 3, SWS_BILINEAR);
        toGrey = new YuvPictureScaler(greyWidth, evenHeight(greyWidth), AV_PIX_FMT_GRAY8, 1, SWS_AREA);
        grey = new byte[greyWidth * evenHeight(greyWidth)];
        grabber = new FFmpegFrameGrabber(file.toFile());
        // 4:2:0 is what cameras and delivery files carry: the decoder's pictures come through untouched.
        // Other formats are converted to it by JavaCV first, which costs more but reads the same.
        grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
        grabber.setVideoOption("threads", Ffmpeg.analysisDecoderThreads());
        grabber.setVideoOption("skip_loop_filter", "all");
        grabber.setVideoOption("skip_frame", "noref"); // analysed moments need not be exact to the frame
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            close();
            throw failed(e);
        }
    }

    /** Up to {@code max} of the next moments, in order; empty once the clip has ended. */
    List<Moment> next(int max, JobContext ctx) throws ProbeException {
        List<Moment> out = new ArrayList<>();
        try {
            while (!ended && out.size() < max) {
                ctx.checkCancelled();
                boolean wanted = position + 1.5 * frame >= next;
                Frame f = grabber.grabFrame(false, true, wanted || cuts != null, false, false);
                if (f == null) {
                    ended = true;
                    break;
                }
                position = f.timestamp / 1e6;
                end = Math.max(end, position);
                if (f.image == null) continue;
                YuvPlanes planes = null;
                if (cuts != null) {
                    planes = YuvPlanes.of(f);
                    cuts.accept(position, toGrey.scale(planes, f.imageWidth, f.imageHeight, grey));
                }
                if (wanted && position >= next - frame) {
                    BufferedImage picture = new BufferedImage(toPicture.width(), toPicture.height(),
                            BufferedImage.TYPE_3BYTE_BGR);
                    toPicture.scale(planes != null ? planes : YuvPlanes.of(f), f.imageWidth, f.imageHeight,
                            ((DataBufferByte) picture.getRaster().getDataBuffer()).getData());
                    out.add(new Moment(position, Pictures.rotate(picture, info.rotationCw())));
                    next = position + step;
                }
            }
        } catch (FrameGrabber.Exception e) {
            throw failed(e);
        }
        return out;
    }

    /** Where the clip ended: its stated length, or the last frame decoded when that came later. */
    double end() {
        return end;
    }

    private static ProbeException failed(FrameGrabber.Exception e) {
        return new ProbeException("The video could not be decoded for reframing: " + e.getMessage(), e);
    }

    private int evenHeight(int width) {
        return Math.max(2, (int) Math.round(width * info.height() / (double) info.width()) & ~1);
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // nothing was written; the file is only let go of
        }
        toPicture.close();
        toGrey.close();
    }
}
