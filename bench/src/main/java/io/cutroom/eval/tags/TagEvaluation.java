package io.cutroom.eval.tags;

import io.cutroom.media.ProbeException;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.vision.CalibratedThresholds;
import io.cutroom.vision.FrameAnalyzer;
import io.cutroom.vision.ShotTagger;
import io.cutroom.vision.TagVocabulary;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Precision and recall of object tags on labelled pictures. A tag given at or above its threshold is right
 * when the picture's {@code present} labels hold it, wrong when neither {@code present} nor
 * {@code acceptable} does, and neither when only {@code acceptable} does. A {@code present} label not given
 * is a miss. Counted per class, then pooled (micro) and averaged over classes (macro).
 */
public final class TagEvaluation {
    private TagEvaluation() {
    }

    /** A labelled picture and the best confidence the tagger gave each tag on it (tags below the store floor absent). */
    public record Scored(LabelledPicture picture, Map<String, Double> scores) {
        double score(String tag) {
            return scores.getOrDefault(tag, 0.0);
        }
    }

    public record ClassCounts(String tag, int right, int wrong, int missed) {
        public double precision() {
            return right + wrong == 0 ? Double.NaN : right / (double) (right + wrong);
        }

        public double recall() {
            return right + missed == 0 ? Double.NaN : right / (double) (right + missed);
        }
    }

    /** A wrong tag (given, not there) or a miss (there, not given), with the confidence the tagger had. */
    public record Mistake(String file, String tag, double score) {
    }

    public record Report(List<ClassCounts> classes, List<Mistake> wrong, List<Mistake> missed) {
        public double microPrecision() {
            int right = classes.stream().mapToInt(ClassCounts::right).sum();
            int wrongs = classes.stream().mapToInt(ClassCounts::wrong).sum();
            return right + wrongs == 0 ? Double.NaN : right / (double) (right + wrongs);
        }

        public double microRecall() {
            int right = classes.stream().mapToInt(ClassCounts::right).sum();
            int misses = classes.stream().mapToInt(ClassCounts::missed).sum();
            return right + misses == 0 ? Double.NaN : right / (double) (right + misses);
        }

        /** The mean over classes that were tagged at least once. */
        public double macroPrecision() {
            return classes.stream().mapToDouble(ClassCounts::precision).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        }

        /** The mean over classes present at least once. */
        public double macroRecall() {
            return classes.stream().mapToDouble(ClassCounts::recall).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        }

        double microF1() {
            double p = microPrecision();
            double r = microRecall();
            return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Tags every picture as {@code tag-image} does (upright, at the tagger's size), a few at a time. */
    public static List<Scored> score(ShotTagger tagger, List<LabelledPicture> pictures) throws ProbeException {
        List<Scored> out = new ArrayList<>();
        ThumbnailMaker thumbnails = new ThumbnailMaker();
        for (int from = 0; from < pictures.size(); from += FrameAnalyzer.BATCH) {
            List<LabelledPicture> batch = pictures.subList(from, Math.min(pictures.size(), from + FrameAnalyzer.BATCH));
            List<BufferedImage> decoded = new ArrayList<>();
            for (LabelledPicture p : batch) {
                decoded.add(p.decode(thumbnails));
            }
            List<Map<String, Double>> scores = tagger.scoreStills(decoded);
            for (int i = 0; i < batch.size(); i++) {
                out.add(new Scored(batch.get(i), scores.get(i)));
            }
        }
        return out;
    }

    /** The classes judged: every evaluated tag a picture is labelled with or was given. */
    public static Set<String> classes(List<Scored> scored) {
        Set<String> tags = new TreeSet<>();
        for (Scored s : scored) {
            s.picture().present().stream().filter(TagEvaluation::isJudged).forEach(tags::add);
            s.scores().keySet().stream().filter(TagEvaluation::isJudged).forEach(tags::add);
        }
        return tags;
    }

    /** Object names and {@code drawing}; faces, shot scale and the scene classifier's other words are judged elsewhere. */
    static boolean isJudged(String tag) {
        return TagVocabulary.isObject(tag) || tag.equals(TagVocabulary.DRAWING);
    }

    public static Report evaluate(List<Scored> scored, ToDoubleFunction<String> threshold) {
        return evaluate(scored, classes(scored), threshold);
    }

    public static Report evaluate(List<Scored> scored, Set<String> classes, ToDoubleFunction<String> threshold) {
        List<ClassCounts> counts = new ArrayList<>();
        List<Mistake> wrong = new ArrayList<>();
        List<Mistake> missed = new ArrayList<>();
        for (String tag : classes) {
            int right = 0;
            int wrongs = 0;
            int misses = 0;
            double at = threshold.applyAsDouble(tag);
            for (Scored s : scored) {
                boolean given = s.score(tag) >= at;
                boolean there = s.picture().present().contains(tag);
                String file = s.picture().file().getFileName().toString();
                if (given && there) {
                    right++;
                } else if (given && !s.picture().acceptable().contains(tag)) {
                    wrongs++;
                    wrong.add(new Mistake(file, tag, s.score(tag)));
                } else if (!given && there) {
                    misses++;
                    missed.add(new Mistake(file, tag, s.score(tag)));
                }
            }
            counts.add(new ClassCounts(tag, right, wrongs, misses));
        }
        return new Report(counts, wrong, missed);
    }

    /**
     * Pictures split into {@code folds} by group (shuffled with {@code seed}); each fold is tagged at thresholds
     * calibrated on the other folds only, and the folds' counts are pooled.
     */
    public static Report outOfFold(List<Scored> scored, int folds, long seed) {
        return outOfFold(scored, folds, seed, s -> true);
    }

    /**
     * As {@link #outOfFold(List, int, long)}, counting only the pictures {@code counted} accepts (one set of several):
     * the thresholds are still calibrated on every picture of the other folds.
     */
    public static Report outOfFold(List<Scored> scored, int folds, long seed, Predicate<Scored> counted) {
        Set<String> classes = classes(scored);
        List<List<Scored>> split = folds(scored, folds, seed);
        List<ClassCounts> pooled = new ArrayList<>();
        List<Mistake> wrong = new ArrayList<>();
        List<Mistake> missed = new ArrayList<>();
        Map<String, int[]> sums = new TreeMap<>();
        for (int k = 0; k < split.size(); k++) {
            List<Scored> training = new ArrayList<>();
            for (int other = 0; other < split.size(); other++) {
                if (other != k) {
                    training.addAll(split.get(other));
                }
            }
            CalibratedThresholds fitted = ThresholdCalibration.fit(training);
            Report held = evaluate(split.get(k).stream().filter(counted).toList(), classes, fitted::of);
            for (ClassCounts c : held.classes()) {
                int[] sum = sums.computeIfAbsent(c.tag(), t -> new int[3]);
                sum[0] += c.right();
                sum[1] += c.wrong();
                sum[2] += c.missed();
            }
            wrong.addAll(held.wrong());
            missed.addAll(held.missed());
        }
        sums.forEach((tag, sum) -> pooled.add(new ClassCounts(tag, sum[0], sum[1], sum[2])));
        return new Report(pooled, wrong, missed);
    }

    /** Whole groups dealt into folds ({@link LabelledPicture#foldOf}). */
    static List<List<Scored>> folds(List<Scored> scored, int folds, long seed) {
        int[] foldOf = LabelledPicture.foldOf(scored.stream().map(Scored::picture).toList(), folds, seed);
        long groups = scored.stream().map(s -> s.picture().group()).distinct().count();
        List<List<Scored>> out = new ArrayList<>();
        for (int k = 0; k < Math.max(2, Math.min(folds, groups)); k++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < scored.size(); i++) {
            out.get(foldOf[i]).add(scored.get(i));
        }
        return out;
    }
}
