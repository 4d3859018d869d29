package io.cutroom.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_isSupportedInput;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.render.DecodedPictureScaler;
import io.cutroom.media.render.DecodedPlanes;
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
 * One decoding pass of a clip for analysis, read a group of moments at a time so that only a few seconds of
 * pictures are held, however long the clip. FFmpeg decodes every frame others refer to, without the
 * deblocking filter (see ShotDetector), as its own YUV pictures; swscale makes the small grey copy for a
 * {@link CutFinder} from every frame and, a few times a second (and at each cut, when asked), the picture.
 * Reframing and tagging use it to find a clip's shots in the pass that looks at it; the shot detector uses
 * it alone, with no pictures.
 * <p>
 * Decoding is not overlapped with the networks: tried on a thread of its own, it took the cores from
 * ND4J's OpenMP threads, which then waited on each other, and CenterNet ran two to three times slower.
 */
public final class AnalysisDecoder implements AutoCloseable {
    /**
     * A picture of the clip at {@code t} seconds; {@code cut} when a new shot starts on it. With tracking
     * frames asked for, {@code frames} holds the small grey copy of every frame decoded since the moment
     * before, this moment's own last.
     */
    public record Moment(double t, BufferedImage picture, boolean cut, List<GreyFrame> frames) {
        public Moment(double t, BufferedImage picture, boolean cut) {
            this(t, picture, cut, List.of());
        }
    }

    private final Path file;
    private final MediaInfo info;
    private final CutFinder cuts;
    private final FFmpegFrameGrabber grabber;
    private final DecodedPictureScaler toPicture;
    private final DecodedPictureScaler toGrey;
    private final byte[] grey;
    private final double step;
    private final boolean momentAtCuts;
    private final double frame;
    private final String doing;
    private final long expectedMs;
    private DecodedPictureScaler toTracking;
    private List<GreyFrame> sinceMoment = new ArrayList<>();
    private double next;
    private double position = Double.NEGATIVE_INFINITY;
    private double end;
    private boolean ended;

    /**
     * Opens the clip for pictures {@code width} × {@code height} (before turning them upright), {@code perSec}
     * a second. {@code cuts}, when not null, is fed every decoded frame; with {@code momentAtCuts} the first
     * frame of each new shot is a moment too, so that no shot goes without a picture. Progress is reported
     * every decoded frame as {@code doing}, so a stuck decoder shows as silence.
     */
    public AnalysisDecoder(Path file, MediaInfo info, int width, int height, double perSec, CutFinder cuts,
                           boolean momentAtCuts, String doing) throws ProbeException {
        this.file = file;
        this.info = info;
        this.cuts = cuts;
        this.step = perSec > 0 ? 1 / perSec : Double.POSITIVE_INFINITY;
        this.momentAtCuts = momentAtCuts;
        this.doing = doing;
        this.frame = 1 / (info.fps() == null || info.fps() <= 0 ? 25 : info.fps());
        this.end = info.durationSec() == null ? 0 : info.durationSec();
        this.expectedMs = Math.max(1, Math.round(end * 1000));
        this.next = perSec > 0 ? 0 : Double.POSITIVE_INFINITY;
        toPicture = perSec > 0 ? new DecodedPictureScaler(width, height, AV_PIX_FMT_BGR24, 3, SWS_BILINEAR) : null;
        toGrey = toCutPictures(info);
        grey = new byte[toGrey.width() * toGrey.height()];
        grabber = grabberFor(file, info);
        // Frames no other frame refers to can go undecoded without harming the rest ("noref"; skipping every
        // B-frame instead corrupted 50 of 85 later frames of an x264 -preset slow file, whose B-frames are
        // references). Encoders that detect scenes (x264, x265, NLE exports) start each new shot on a
        // reference frame, so cuts still land on the frame there. A cut on a skipped frame is found on the next
        // decoded one, a frame or more late, and CutSettler puts it back on its frame once the pass has ended.
        // Analysed moments need not be exact to the frame.
        grabber.setVideoOption("skip_frame", "noref");
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            close();
            throw failed(e);
        }
    }

    /**
     * Asks for a grey copy {@code width} pixels wide of every decoded frame, handed out with the moments (see
     * {@link Moment#frames()}), for following subjects between the moments.
     */
    public AnalysisDecoder withTrackingFrames(int width) {
        if (toTracking == null) {
            toTracking = new DecodedPictureScaler(width, evenHeight(info, width), AV_PIX_FMT_GRAY8, 1, SWS_BILINEAR);
        }
        return this;
    }

    /**
     * The clip opened as every analysis decoding opens it: pictures in the clip's own format, the analysis threads,
     * and no deblocking filter, which only smooths block edges that small analysis pictures cannot show (skipping
     * it saves a fifth of H.264 decoding).
     */
    static FFmpegFrameGrabber grabberFor(Path file, MediaInfo info) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(passThroughFormat(info));
        grabber.setVideoOption("threads", Ffmpeg.analysisDecoderThreads());
        grabber.setVideoOption("skip_loop_filter", "all");
        return grabber;
    }

    /** The small grey copy of a frame that {@link CutFinder} compares. */
    static DecodedPictureScaler toCutPictures(MediaInfo info) {
        int width = ShotDetector.ANALYSIS_WIDTH;
        return new DecodedPictureScaler(width, evenHeight(info, width), AV_PIX_FMT_GRAY8, 1, SWS_AREA);
    }

    /** A pass that only feeds {@code cuts}: no pictures. */
    public static AnalysisDecoder forCuts(Path file, MediaInfo info, CutFinder cuts, String doing) throws ProbeException {
        return new AnalysisDecoder(file, info, 0, 0, 0, cuts, false, doing);
    }

    /** Decodes what is left of the clip, for a pass that wants no pictures. */
    public void readToEnd(JobContext ctx) throws ProbeException {
        while (!ended) {
            next(Integer.MAX_VALUE, ctx);
        }
    }

    /** Up to {@code max} of the next moments, in order; empty once the clip has ended. */
    public List<Moment> next(int max, JobContext ctx) throws ProbeException {
        List<Moment> out = new ArrayList<>();
        try {
            while (!ended && out.size() < max) {
                ctx.checkCancelled();
                // With moments at cuts, the first frame is one too, so that no shot goes without a picture
                // (a damaged clip's first readable frame was a cut). Reframing, looking three times a second,
                // keeps its measured moments.
                boolean first = position == Double.NEGATIVE_INFINITY && momentAtCuts && toPicture != null;
                boolean wanted = first || position + 1.5 * frame >= next;
                Frame f = grabber.grabFrame(false, true, wanted || cuts != null || toTracking != null, false, false);
                if (f == null) {
                    ended = true;
                    if (cuts != null) CutSettler.settle(file, info, cuts, frame, ctx);
                    break;
                }
                position = f.timestamp / 1e6;
                end = Math.max(end, position);
                ctx.progress(Math.min(expectedMs, Math.round(Math.max(0, position) * 1000)), expectedMs, doing);
                if (f.image == null) continue;
                DecodedPlanes planes = null;
                boolean cut = false;
                if (cuts != null) {
                    planes = DecodedPlanes.of(f);
                    cut = cuts.accept(position, toGrey.scale(planes, f.imageWidth, f.imageHeight, grey), f.keyFrame);
                }
                if (toTracking != null) {
                    byte[] small = new byte[toTracking.width() * toTracking.height()];
                    toTracking.scale(planes != null ? planes : (planes = DecodedPlanes.of(f)), f.imageWidth, f.imageHeight, small);
                    sinceMoment.add(GreyFrame.upright(position, toTracking.width(), toTracking.height(), small, cut,
                            info.rotationCw()));
                }
                if (toPicture != null && ((wanted && position >= next - frame) || (cut && momentAtCuts))) {
                    BufferedImage picture = new BufferedImage(toPicture.width(), toPicture.height(),
                            BufferedImage.TYPE_3BYTE_BGR);
                    toPicture.scale(planes != null ? planes : DecodedPlanes.of(f), f.imageWidth, f.imageHeight,
                            ((DataBufferByte) picture.getRaster().getDataBuffer()).getData());
                    out.add(new Moment(position, Pictures.rotate(picture, info.rotationCw()), cut, List.copyOf(sinceMoment)));
                    sinceMoment = new ArrayList<>();
                    next = position + step;
                }
            }
        } catch (FrameGrabber.Exception e) {
            throw failed(e);
        }
        return out;
    }

    /** Where the clip ended: its stated length, or the last frame decoded when that came later. */
    public double end() {
        return end;
    }

    private static ProbeException failed(FrameGrabber.Exception e) {
        return new ProbeException("The video could not be decoded: " + e.getMessage(), e);
    }

    /**
     * The clip's own pixel format when swscale reads it, so the decoder's pictures come through untouched
     * and each is scaled straight to the small analysis pictures; otherwise 4:2:0, to which JavaCV converts
     * every frame at full size first. Measured on 10 s of 1080p30 4:2:2 10-bit: H.264 read in 0.91 s instead
     * of 1.28 s, ProRes in 1.82 s instead of 2.27 s, with the same cuts and pictures (DecodedFormatsTest).
     */
    static int passThroughFormat(MediaInfo info) {
        int own = info.pixelFormat() == null ? AV_PIX_FMT_NONE : av_get_pix_fmt(info.pixelFormat());
        return own != AV_PIX_FMT_NONE && sws_isSupportedInput(own) > 0 ? own : AV_PIX_FMT_YUV420P;
    }

    /** An even height for {@code width} with the clip's shape. */
    public static int evenHeight(MediaInfo info, int width) {
        return Math.max(2, (int) Math.round(width * info.height() / (double) info.width()) & ~1);
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // nothing was written; the file is only let go of
        }
        if (toPicture != null) toPicture.close();
        if (toTracking != null) toTracking.close();
        toGrey.close();
    }
}
