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
 * Finds hard cuts from frame differences, on small grey pictures: FFmpeg decodes each frame that others refer to and scales it
 * to {@link #ANALYSIS_WIDTH} pixels wide. A cut is a frame whose mean absolute difference from the one
 * before is large in itself and far above the recent level of motion, and whose brightness histogram
 * changed too. The recent level keeps fast pans from counting as cuts; the histogram keeps a subject that
 * jumps across the frame (same colours, new place) from counting. Tagging and reframing share these shots.
 */
public final class ShotDetector {
    /** Stored with the shots it finds, so a later detector can tell them apart. */
    public static final String NAME = "frame-difference v1";
    public static final int ANALYSIS_WIDTH = 96;
    /** Mean absolute luma difference, in percent of full scale, below which no frame is a cut. */
    static final double MIN_CUT_SCORE = 8.0;
    /** How many times the recent average difference a cut must stand above. */
    static final double CONTRAST_OVER_RECENT = 3.0;
    static final int RECENT_FRAMES = 12;
    /** Half the L1 distance between 32-bin luma histograms (0 same, 1 disjoint) a cut must reach. */
    static final double MIN_HISTOGRAM_CHANGE = 0.25;
    private static final int BINS = 32;
    /** Cuts closer together than this are one cut (a flash, a dissolve's frames, a glitch). */
    static final double MIN_SHOT_SEC = 0.4;

    private final JavaCvProbe probe = new JavaCvProbe();

    public ShotDetector() {
        Ffmpeg.init();
    }

    public List<Shot> detect(Path file, JobContext ctx) throws ProbeException {
        MediaInfo info = probe.probe(file);
        if (info.kind() != MediaKind.VIDEO) {
            throw new ProbeException("Only video has shots.");
        }
        List<Double> cuts = new ArrayList<>();
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
            grabber.setVideoOption("threads", "auto");
            // Area averaging: each small pixel is the mean of the block it covers, as fast here as bilinear
            // (which skips most source pixels at this ratio and so turns texture into flicker).
            grabber.setImageScalingFlags(org.bytedeco.ffmpeg.global.swscale.SWS_AREA);
            grabber.start();
            byte[] previous = null;
            byte[] current = new byte[width * height];
            double[] recent = new double[RECENT_FRAMES];
            int seen = 0;
            double lastCut = Double.NEGATIVE_INFINITY;
            double lastTime = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                ctx.checkCancelled();
                double t = frame.timestamp / 1e6;
                copyLuma(frame, width, height, current);
                if (previous != null) {
                    double score = meanAbsoluteDifference(previous, current);
                    double recentMean = mean(recent, Math.min(seen, RECENT_FRAMES));
                    boolean cut = score >= MIN_CUT_SCORE && score >= CONTRAST_OVER_RECENT * Math.max(recentMean, 1.0)
                            && histogramChange(previous, current) >= MIN_HISTOGRAM_CHANGE
                            && t - lastCut >= MIN_SHOT_SEC;
                    if (cut) {
                        cuts.add(t);
                        lastCut = t;
                    } else {
                        recent[seen % RECENT_FRAMES] = score; // a cut's jump would hide the next one
                        seen++;
                    }
                } else {
                    previous = new byte[current.length];
                }
                System.arraycopy(current, 0, previous, 0, current.length);
                lastTime = t;
                ctx.progress(Math.min(expectedMs, Math.round(t * 1000)), expectedMs, "Finding cuts");
            }
            end = Math.max(end, lastTime);
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The video could not be decoded to find its shots: " + e.getMessage(), e);
        }
        return shots(cuts, end);
    }

    static List<Shot> shots(List<Double> cuts, double end) {
        List<Shot> shots = new ArrayList<>();
        double start = 0;
        for (double cut : cuts) {
            shots.add(new Shot(shots.size(), start, cut));
            start = cut;
        }
        shots.add(new Shot(shots.size(), start, Math.max(start, end)));
        return shots;
    }

    private static void copyLuma(Frame frame, int width, int height, byte[] into) {
        ByteBuffer pixels = ((ByteBuffer) frame.image[0]).duplicate();
        int stride = frame.imageStride;
        for (int y = 0; y < height; y++) {
            pixels.position(y * stride);
            pixels.get(into, y * width, width);
        }
    }

    /** Mean absolute difference of two grey pictures, in percent of full scale. */
    static double meanAbsoluteDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum * 100.0 / (255.0 * a.length);
    }

    /** Half the L1 distance between the two pictures' luma histograms: 0 when equal, 1 when disjoint. */
    static double histogramChange(byte[] a, byte[] b) {
        int[] ha = new int[BINS];
        int[] hb = new int[BINS];
        for (int i = 0; i < a.length; i++) {
            ha[(a[i] & 0xff) * BINS / 256]++;
            hb[(b[i] & 0xff) * BINS / 256]++;
        }
        long diff = 0;
        for (int bin = 0; bin < BINS; bin++) {
            diff += Math.abs(ha[bin] - hb[bin]);
        }
        return diff / (2.0 * a.length);
    }

    private static double mean(double[] values, int count) {
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }
}
