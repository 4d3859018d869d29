package io.cutroom.vision;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.AnalysisDecoder;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.ProbeException;
import io.cutroom.media.shots.CutFinder;
import io.cutroom.media.shots.Shot;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a clip's shots and picks its samples for tagging in one decoding pass, for clips whose shots are not
 * known yet: decoding a 1080p clip once for the cuts and again for the samples was two thirds of tagging's
 * time. Candidate pictures come twice a second (and at each cut). A shot is sampled as
 * {@link ShotTagger#sampleTimes} plans it, from the candidates nearest the planned times, which are held only
 * while the shot is young: once it is {@link #LONG_AFTER_SEC} old, its samples are taken every
 * {@link ShotTagger#SAMPLE_EVERY_SEC} from its start, as they are decoded, whatever its final length.
 */
public final class OnePassSampler {
    static final double CANDIDATES_PER_SEC = 2;
    static final double LONG_AFTER_SEC = 6;
    static final int GROUP = 32;

    public record Sampled(List<Shot> shots, List<List<Double>> times, List<BufferedImage> pictures) {
    }

    private final List<List<Double>> times = new ArrayList<>();
    private final List<BufferedImage> pictures = new ArrayList<>();
    private final List<AnalysisDecoder.Moment> young = new ArrayList<>();
    private List<Double> shotTimes = new ArrayList<>();
    private double shotStart;
    private boolean longShot;
    private double nextGrid;

    private OnePassSampler() {
    }

    public static Sampled sample(Path file, MediaInfo info, JobContext ctx) throws ProbeException {
        if (info.width() == null || info.height() == null) {
            throw new ProbeException("The video's picture size is unknown, so it cannot be sampled.");
        }
        double scale = Math.min(1.0, FrameSampler.BOX / (double) Math.max(info.width(), info.height()));
        int width = Math.max(2, (int) Math.round(info.width() * scale) & ~1);
        int height = Math.max(2, (int) Math.round(info.height() * scale) & ~1);
        CutFinder cuts = new CutFinder();
        OnePassSampler sampler = new OnePassSampler();
        try (AnalysisDecoder decoder = new AnalysisDecoder(file, info, width, height, CANDIDATES_PER_SEC, cuts, true,
                "Finding shots and sampling them")) {
            List<AnalysisDecoder.Moment> group;
            while (!(group = decoder.next(GROUP, ctx)).isEmpty()) {
                for (AnalysisDecoder.Moment m : group) sampler.accept(m);
            }
            List<Shot> shots = cuts.shots(decoder.end());
            if (sampler.pictures.isEmpty() && sampler.young.isEmpty()) {
                throw new ProbeException("No picture could be decoded: the video stream is damaged or unreadable.");
            }
            sampler.finishShot(shots.get(shots.size() - 1));
            return withoutEmptyShots(shots, sampler.times, sampler.pictures);
        }
    }

    /**
     * A shot none of whose frames could be pictured (damaged frames, a cut on the first readable one) joins
     * the shot after it, or the one before when it is the last: every shot tagged needs a look.
     */
    static Sampled withoutEmptyShots(List<Shot> shots, List<List<Double>> times, List<BufferedImage> pictures) {
        List<Shot> keptShots = new ArrayList<>();
        List<List<Double>> keptTimes = new ArrayList<>();
        double pendingStart = Double.NaN;
        for (int i = 0; i < shots.size(); i++) {
            Shot shot = shots.get(i);
            double start = Double.isNaN(pendingStart) ? shot.startSec() : pendingStart;
            if (times.get(i).isEmpty()) {
                if (Double.isNaN(pendingStart)) pendingStart = shot.startSec();
                continue;
            }
            pendingStart = Double.NaN;
            keptShots.add(new Shot(keptShots.size(), start, shot.endSec()));
            keptTimes.add(times.get(i));
        }
        if (!Double.isNaN(pendingStart) && !keptShots.isEmpty()) {
            Shot last = keptShots.remove(keptShots.size() - 1);
            keptShots.add(new Shot(last.index(), last.startSec(), shots.get(shots.size() - 1).endSec()));
        }
        return new Sampled(keptShots, keptTimes, pictures);
    }

    /** The next candidate, in order; a cut on it closes the shot before. */
    private void accept(AnalysisDecoder.Moment m) {
        if (m.cut()) {
            finishShot(new Shot(times.size(), shotStart, m.t()));
            shotStart = m.t();
        }
        if (!longShot) {
            young.add(m);
            if (m.t() - shotStart >= LONG_AFTER_SEC) {
                longShot = true;
                nextGrid = shotStart + ShotTagger.SAMPLE_EVERY_SEC / 2;
                for (AnalysisDecoder.Moment held : young) takeOnGrid(held);
                young.clear();
            }
        } else {
            takeOnGrid(m);
        }
    }

    private void takeOnGrid(AnalysisDecoder.Moment m) {
        if (m.t() >= nextGrid - 0.5 / CANDIDATES_PER_SEC) {
            take(m);
            while (nextGrid <= m.t() + 0.5 / CANDIDATES_PER_SEC) nextGrid += ShotTagger.SAMPLE_EVERY_SEC;
        }
    }

    /** A young shot is sampled as planned from its candidates; a long one already has its samples. */
    private void finishShot(Shot shot) {
        if (!longShot) {
            List<AnalysisDecoder.Moment> chosen = new ArrayList<>();
            for (double planned : ShotTagger.sampleTimes(List.of(shot)).get(0)) {
                AnalysisDecoder.Moment nearest = null;
                for (AnalysisDecoder.Moment c : young) {
                    if (nearest == null || Math.abs(c.t() - planned) < Math.abs(nearest.t() - planned)) nearest = c;
                }
                if (nearest != null && !chosen.contains(nearest)) chosen.add(nearest);
            }
            chosen.forEach(this::take);
        }
        times.add(shotTimes);
        shotTimes = new ArrayList<>();
        young.clear();
        longShot = false;
    }

    private void take(AnalysisDecoder.Moment m) {
        shotTimes.add(m.t());
        pictures.add(m.picture());
    }
}
