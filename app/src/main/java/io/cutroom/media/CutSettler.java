package io.cutroom.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;

import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.render.DecodedPictureScaler;
import io.cutroom.media.render.DecodedPlanes;
import io.cutroom.media.shots.CutFinder;
import io.cutroom.media.shots.ShotDetector;
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
    private CutSettler() {
    }

    /**
     * Settles {@code cuts}' unsure cuts in {@code file}. A clip that cannot be read again keeps the cuts as found:
     * they are a frame or two late, not wrong, and the pass itself has already read the clip.
     */
    static void settle(Path file, MediaInfo info, CutFinder cuts, double frameSec, JobContext ctx) {
        List<CutFinder.Unsure> unsure = cuts.unsure(frameSec);
        if (unsure.isEmpty()) {
            return;
        }
        int width = ShotDetector.ANALYSIS_WIDTH;
        int height = AnalysisDecoder.evenHeight(info, width);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             DecodedPictureScaler toGrey = new DecodedPictureScaler(width, height, AV_PIX_FMT_GRAY8, 1, SWS_AREA)) {
            grabber.setPixelFormat(AnalysisDecoder.passThroughFormat(info));
            grabber.setVideoOption("threads", Ffmpeg.analysisDecoderThreads());
            grabber.setVideoOption("skip_loop_filter", "all");
            grabber.start();
            byte[] previous = new byte[width * height];
            byte[] current = new byte[width * height];
            for (CutFinder.Unsure cut : unsure) {
                ctx.checkCancelled();
                grabber.setTimestamp(Math.round(Math.max(0, cut.after() - frameSec) * 1e6));
                double bestT = cut.at();
                double bestScore = -1;
                boolean havePrevious = false;
                Frame f;
                while ((f = grabber.grabFrame(false, true, true, false, false)) != null) {
                    double t = f.timestamp / 1e6;
                    if (t > cut.at() + frameSec / 2) break;
                    if (f.image == null || t < cut.after() - frameSec / 2) continue;
                    toGrey.scale(DecodedPlanes.of(f), f.imageWidth, f.imageHeight, current);
                    if (havePrevious && t > cut.after() + frameSec / 2) {
                        double score = CutFinder.meanAbsoluteDifference(previous, current);
                        if (score > bestScore) {
                            bestScore = score;
                            bestT = t;
                        }
                    }
                    byte[] swap = previous;
                    previous = current;
                    current = swap;
                    havePrevious = true;
                }
                if (bestScore >= 0) {
                    cuts.settle(cut, Math.min(bestT, cut.at()));
                }
            }
        } catch (JobCancelledException e) {
            throw e;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Keeping the cuts as found loses at most a frame or two at each; failing the analysis would lose it all.
        }
    }
}
