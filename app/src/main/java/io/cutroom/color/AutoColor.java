package io.cutroom.color;

import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.KeyframeTimes;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.GradePreview;
import io.cutroom.media.render.ShotCorrection;
import io.cutroom.media.shots.Shot;
import io.cutroom.vision.FrameSampler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Automatic white balance and exposure for a clip, shot by shot. A few frames spread over each shot are
 * measured; the shot's light is the median of their estimates in log-chromaticity and its exposure the
 * median of theirs, so one odd frame (a flash, a passing car) does not move the shot and the correction
 * holds still within it. At a cut the next shot's values take over at once.
 */
public final class AutoColor {
    /** Frames measured per shot (fewer for short shots): enough for a median, few enough to stay fast. */
    public static final int FRAMES_PER_SHOT = 5;
    /** Frames closer than this are not worth measuring twice. */
    static final double MIN_GAP_SEC = 0.5;

    private final WhiteBalanceEstimator balance = new WhiteBalanceEstimator();
    private final ExposureEstimator exposure = new ExposureEstimator();

    /** Measures every shot of a video; progress is reported per decoded frame. */
    public List<ShotColor> analyseVideo(Path file, MediaInfo info, List<Shot> shots, JobContext ctx) throws ProbeException {
        return analyseVideo(file, info, shots, null, ctx);
    }

    /**
     * As above, measuring the frames as {@code graded} shows them (null: as they are); a match reference is
     * measured this way, so a clip matched to it looks like the reference as the editor graded it.
     */
    public List<ShotColor> analyseVideo(Path file, MediaInfo info, List<Shot> shots, Grade graded, JobContext ctx)
            throws ProbeException {
        double[] keyframes = KeyframeTimes.of(file);
        List<List<Double>> times = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (Shot shot : shots) {
            List<Double> t = sampleTimes(shot, keyframes);
            times.add(t);
            all.addAll(t);
        }
        ctx.checkCancelled();
        List<BufferedImage> frames = FrameSampler.sampleForStatistics(file, info, all, keyframes);
        ctx.checkCancelled();
        List<ShotColor> result = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < shots.size(); s++) {
            List<LinearImage> pictures = new ArrayList<>();
            for (int k = 0; k < times.get(s).size() && next < frames.size(); k++, next++) {
                pictures.add(LinearImage.of(graded == null ? frames.get(next) : gradedCopy(frames.get(next), graded, times.get(s).get(k))));
            }
            result.add(combine(shots.get(s), pictures));
            ctx.progress(s + 1, shots.size(), "Measuring colour");
            if (ctx.isCancelled()) {
                throw new JobCancelledException();
            }
        }
        return result;
    }

    /** Measures a still as one shot, as {@code graded} shows it (null: as it is). */
    public ShotColor analyseStill(BufferedImage picture, Grade graded) throws ProbeException {
        return combine(new Shot(0, 0, 0), List.of(LinearImage.of(graded == null ? picture : gradedCopy(picture, graded, 0))));
    }

    private static BufferedImage gradedCopy(BufferedImage picture, Grade grade, double timeSec) throws ProbeException {
        Grade at = grade.at(timeSec);
        if (at.isNeutral()) {
            return picture;
        }
        try {
            return new GradePreview(at).apply(picture);
        } catch (IOException e) {
            throw new ProbeException("The grade's LUT could not be read: " + e.getMessage(), e);
        }
    }

    /** The shot's light and exposure from its frames' estimates (medians), with the confidence they share. */
    ShotColor combine(Shot shot, List<LinearImage> pictures) {
        if (pictures.isEmpty()) {
            return new ShotColor(shot, WhiteBalance.NONE, Exposure.NONE, 0);
        }
        List<WhiteBalance> balances = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>();
        for (LinearImage picture : pictures) {
            balances.add(balance.estimate(picture));
            exposures.add(exposure.estimate(picture));
        }
        if (pictures.size() == 1) {
            return new ShotColor(shot, balances.get(0), exposures.get(0), 1);
        }
        double u = median(balances.stream().mapToDouble(b -> b.estimate().logChroma()[0]).toArray());
        double v = median(balances.stream().mapToDouble(b -> b.estimate().logChroma()[1]).toArray());
        double confidence = median(balances.stream().mapToDouble(WhiteBalance::confidence).toArray());
        double strength = median(balances.stream().mapToDouble(WhiteBalance::strength).toArray());
        double spread = median(balances.stream().mapToDouble(WhiteBalance::cueSpreadDeg).toArray());
        double share = median(balances.stream().mapToDouble(WhiteBalance::neutralShare).toArray());
        double kept = median(balances.stream().mapToDouble(WhiteBalance::reliability).toArray());
        WhiteBalance combined = WhiteBalanceEstimator.correction(Illuminant.fromLogChroma(u, v), confidence,
                strength, balances.get(0).cues(), spread, share, kept);
        Exposure e = new Exposure(median(exposures.stream().mapToDouble(Exposure::ev).toArray()),
                median(exposures.stream().mapToDouble(Exposure::contrast).toArray()),
                median(exposures.stream().mapToDouble(Exposure::logAverage).toArray()),
                median(exposures.stream().mapToDouble(Exposure::low).toArray()),
                median(exposures.stream().mapToDouble(Exposure::high).toArray()));
        return new ShotColor(shot, combined, e, pictures.size());
    }

    /**
     * Times spread over the shot, away from its edges (a dissolve's first and last frames belong to the
     * neighbours). Each is the middle of its share of the shot, or a keyframe in the middle half of that share
     * when there is one: a keyframe decodes on its own, any other frame only after every frame it depends on
     * since the keyframe before it. Any frame well inside a shot serves colour statistics equally.
     */
    static List<Double> sampleTimes(Shot shot, double[] keyframes) {
        double length = shot.lengthSec();
        int count = (int) Math.max(1, Math.min(FRAMES_PER_SHOT, Math.floor(length / MIN_GAP_SEC)));
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double middle = shot.startSec() + length * (k + 0.5) / count;
            double reach = length / (4.0 * count);
            times.add(nearestKeyframe(keyframes, middle, reach));
        }
        return times;
    }

    /** The keyframe nearest {@code time} within {@code reach} of it, or {@code time} when there is none. */
    static double nearestKeyframe(double[] keyframes, double time, double reach) {
        int at = Arrays.binarySearch(keyframes, time);
        if (at >= 0) {
            return time;
        }
        int after = -at - 1;
        double best = time;
        double bestGap = reach;
        for (int i = Math.max(0, after - 1); i <= Math.min(keyframes.length - 1, after); i++) {
            double gap = Math.abs(keyframes[i] - time);
            if (gap <= bestGap) {
                best = keyframes[i];
                bestGap = gap;
            }
        }
        return best;
    }

    /**
     * The grade with automatic corrections: the editor's manual settings from {@code base} are kept; each
     * shot gets its gains and exposure; contrast, one value for the clip so it cannot pump between shots,
     * is the median of the shots' when the editor has not set it.
     */
    public static Grade toGrade(Grade base, List<ShotColor> shots) {
        Grade start = base == null ? Grade.NEUTRAL : base;
        double contrast = start.contrast() != 1 ? start.contrast()
                : median(shots.stream().mapToDouble(s -> s.exposure().contrast()).toArray());
        List<ShotCorrection> corrections = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            ShotColor s = shots.get(i);
            double end = i + 1 < shots.size() ? shots.get(i + 1).shot().startSec() : s.shot().endSec();
            double[] g = s.balance().gains();
            corrections.add(new ShotCorrection(s.shot().startSec(), Math.max(end, s.shot().startSec()),
                    List.of(round(g[0]), round(g[1]), round(g[2])), s.exposure().ev()));
        }
        return new Grade(start.exposure(), contrast, start.saturation(), start.temperature(), start.tint(), start.gains(),
                start.gamma(), start.lut(), start.lift(), start.gain(), corrections);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
