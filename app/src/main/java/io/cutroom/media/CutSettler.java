package io.cutroom.media;

import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.render.DecodedPictureScaler;
import io.cutroom.media.render.DecodedPlanes;
import io.cutroom.media.shots.CutFinder;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Puts each cut an analysis pass found late on the frame its shot starts on. The pass skips the frames nothing
 * refers to, so a new shot that starts on one is only seen on the next decoded frame; until then the shot before
 * would keep its crop window and its grade, a frame or two of the wrong picture in a render. Here only the frames
 * between the last decoded frame and the cut are decoded again, every one of them this time, and the shot starts
 * on the one that differs most from the frame before it: the same measure the cut was found with.
 */
final class CutSettler {
    /**
     * A cut is only settled where decoding again means at most this much footage from the keyframe before it, or
     * where decoding simply goes on from the cut before: a recorder that writes one keyframe a minute would
     * otherwise cost a minute of decoding per cut.
     */
    static final double MAX_REDECODE_SEC = 12;

    private final FFmpegFrameGrabber grabber;
    private final DecodedPictureScaler toGrey;
    private final double frameSec;
    private byte[] previous;
    private byte[] current;
    /** The last frame grabbed, not yet compared: the one that ended the stretch before. */
    private double heldT = Double.NaN;
    private double decodedTo = Double.NEGATIVE_INFINITY;

    private CutSettler(FFmpegFrameGrabber grabber, DecodedPictureScaler toGrey, double frameSec) {
        this.grabber = grabber;
        this.toGrey = toGrey;
        this.frameSec = frameSec;
        this.previous = new byte[toGrey.width() * toGrey.height()];
        this.current = new byte[previous.length];
    }

    /**
     * Settles {@code cuts}' unsure cuts in {@code file}. A clip that cannot be read again keeps the cuts as found:
     * they are a frame or two late, not wrong, and the pass itself has already read the clip.
     */
    static void settle(Path file, MediaInfo info, CutFinder cuts, double frameSec, JobContext ctx) {
        List<CutFinder.Cut> unsure = cuts.unsure(frameSec);
        if (unsure.isEmpty()) {
            return;
        }
        // Every frame this time: the grabber is the analysis pass's without its skip_frame option.
        try (FFmpegFrameGrabber grabber = AnalysisDecoder.grabberFor(file, info);
             DecodedPictureScaler toGrey = AnalysisDecoder.toCutPictures(info)) {
            grabber.start();
            CutSettler settler = new CutSettler(grabber, toGrey, frameSec);
            for (CutFinder.Cut cut : unsure) {
                ctx.checkCancelled();
                double t = settler.startOf(cut);
                if (!Double.isNaN(t)) cuts.settle(cut, t);
            }
        } catch (JobCancelledException e) {
            throw e;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Keeping the cuts as found loses at most a frame or two at each; failing the analysis would lose it all.
        }
    }

    /** The frame in (after, at] that differs most from the one before it, or NaN when the cut is left as found. */
    private double startOf(CutFinder.Cut cut) throws FrameGrabber.Exception {
        boolean goOn = decodedTo >= cut.keyframe() - frameSec / 2 && decodedTo <= cut.after() + frameSec / 2;
        if (!goOn) {
            if (cut.after() - cut.keyframe() > MAX_REDECODE_SEC) return Double.NaN;
            grabber.setTimestamp(Math.round(Math.max(0, cut.after() - frameSec) * 1e6));
            heldT = Double.NaN;
        }
        double best = Double.NaN;
        double bestScore = -1;
        boolean havePrevious = false;
        while (true) {
            double t = Double.isNaN(heldT) ? grab() : heldT;
            heldT = Double.NaN;
            if (Double.isNaN(t)) break;
            if (t > cut.at() + frameSec / 2) {
                heldT = t; // the next cut's stretch may start on it
                break;
            }
            if (t < cut.after() - frameSec / 2) continue;
            if (havePrevious && t > cut.after() + frameSec / 2) {
                double score = CutFinder.meanAbsoluteDifference(previous, current);
                if (score > bestScore) {
                    bestScore = score;
                    best = Math.min(t, cut.at());
                }
            }
            byte[] swap = previous;
            previous = current;
            current = swap;
            havePrevious = true;
        }
        return best;
    }

    /** Decodes the next picture into {@code current} and returns its time, or NaN at the end. */
    private double grab() throws FrameGrabber.Exception {
        Frame f;
        while ((f = grabber.grabFrame(false, true, true, false, false)) != null) {
            if (f.image == null) continue;
            toGrey.scale(DecodedPlanes.of(f), f.imageWidth, f.imageHeight, current);
            decodedTo = f.timestamp / 1e6;
            return decodedTo;
        }
        return Double.NaN;
    }
}
