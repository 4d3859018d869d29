package io.cutroom.media.shots;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ProbeException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Finds a clip's shots: FFmpeg decodes each frame that others refer to and scales it to {@link #ANALYSIS_WIDTH}
 * grey pixels wide, and {@link CutFinder} looks for the cuts. Tagging and reframing share these shots.
 */
public final class ShotDetector {
    /** Stored with the shots it finds, so a later detector can tell them apart. */
    public static final String NAME = "frame-difference v1";
    public static final int ANALYSIS_WIDTH = 96;
    private final JavaCvProbe probe = new JavaCvProbe();

    public ShotDetector() {
        Ffmpeg.init();
    }

    public List<Shot> detect(Path file, JobContext ctx) throws ProbeException {
        MediaInfo info = probe.probe(file);
        if (info.kind() != MediaKind.VIDEO) {
            throw new ProbeException("Only video has shots.");
        }
        CutFinder cuts = new CutFinder();
        double end = info.durationSec() == null ? 0 : info.durationSec();
        long expectedMs = Math.max(1, Math.round(end * 1000));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_GRAY8);
            int width = ANALYSIS_WIDTH;
            int height = Math.max(2, (int) Math.round(ANALYSIS_WIDTH * info.height() / (double) info.width()) & ~1);
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
            // The deblocking filter only smooths block edges, which a 96-pixel picture cannot show: skipping it
            // saves a fifth of H.264 decoding.
            grabber.setVideoOption("skip_loop_filter", "all");
            // Frames no other frame refers to can go undecoded without harming the rest ("noref"; skipping every
            // B-frame instead corrupted 50 of 85 later frames of an x264 -preset slow file, whose B-frames are
            // references). Encoders that detect scenes (x264, x265, NLE exports) start each new shot on a
            // reference frame, so cuts still land on the frame there; a cut on a skipped frame is found on the
            // next decoded one, a frame or two late.
            grabber.setVideoOption("skip_frame", "noref");
            grabber.setVideoOption("threads", Ffmpeg.analysisDecoderThreads());
            // Area averaging: each small pixel is the mean of the block it covers, as fast here as bilinear
            // (which skips most source pixels at this ratio and so turns texture into flicker).
            grabber.setImageScalingFlags(org.bytedeco.ffmpeg.global.swscale.SWS_AREA);
            grabber.start();
            byte[] current = new byte[width * height];
            double lastTime = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                ctx.checkCancelled();
                double t = frame.timestamp / 1e6;
                copyLuma(frame, width, height, current);
                cuts.accept(t, current);
                lastTime = t;
                ctx.progress(Math.min(expectedMs, Math.round(t * 1000)), expectedMs, "Finding cuts");
            }
            end = Math.max(end, lastTime);
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The video could not be decoded to find its shots: " + e.getMessage(), e);
        }
        return cuts.shots(end);
    }

    private static void copyLuma(Frame frame, int width, int height, byte[] into) {
        ByteBuffer pixels = ((ByteBuffer) frame.image[0]).duplicate();
        int stride = frame.imageStride;
        for (int y = 0; y < height; y++) {
            pixels.position(y * stride);
            pixels.get(into, y * width, width);
        }
    }
}
