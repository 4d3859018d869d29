package io.cutroom.eval.tags;

import io.cutroom.vision.CalibratedThresholds;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.TagVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tag thresholds fitted to labelled pictures. One threshold is shared by the object classes; a class with
 * enough labelled examples gets its own, and one set by hand apart from the rest (person) keeps that until then. Each is the threshold with the best F1 on the pictures given. When
 * a range of thresholds ties, as it does on a few dozen pictures, the one nearest the fixed default is kept:
 * the pictures cannot tell those apart, so they are no reason to move.
 */
public final class ThresholdCalibration {
    /**
     * Pictures with a class present before it gets its own threshold. With fewer, a threshold fitted to that
     * class alone moved by 0.1 or more when one picture was left out; the shared one hardly moved.
     */
    static final int OWN_THRESHOLD_FROM = 6;
    static final double LOWEST = TagThresholds.STORE_FLOOR;
    static final double HIGHEST = 0.9;
    private static final double STEP = 0.01;

    private ThresholdCalibration() {
    }


    public static CalibratedThresholds fit(List<TagEvaluation.Scored> training) {
        Set<String> classes = TagEvaluation.classes(training);
        // A class set by hand apart from the rest (person) keeps that setting until it has examples enough of its own.
        Set<String> objects = new TreeSet<>(classes.stream().filter(TagVocabulary::isObject)
                .filter(tag -> !TagThresholds.hasFixedDefaultOfItsOwn(tag)).toList());
        double shared = best(training, objects, TagThresholds.OBJECTS);
        Map<String, Double> own = new TreeMap<>();
        for (String tag : classes) {
            long positives = training.stream().filter(s -> s.picture().present().contains(tag)).count();
            if (positives >= OWN_THRESHOLD_FROM) {
                own.put(tag, best(training, Set.of(tag), TagThresholds.fixedDefaultOf(tag)));
            }
        }
        return new CalibratedThresholds(shared, own);
    }

    /** The single threshold with the best pooled F1 over {@code classes}; of tied ones, the nearest to {@code prior}. */
    static double best(List<TagEvaluation.Scored> pictures, Set<String> classes, double prior) {
        double bestF1 = -1;
        double chosen = prior;
        for (int step = 0; LOWEST + step * STEP <= HIGHEST + 1e-9; step++) {
            double t = Math.round((LOWEST + step * STEP) * 100) / 100.0;
            double f1 = TagEvaluation.evaluate(pictures, classes, tag -> t).microF1();
            if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && Math.abs(t - prior) < Math.abs(chosen - prior))) {
                bestF1 = Math.max(bestF1, f1);
                chosen = t;
            }
        }
        return chosen;
    }

    public static int ownThresholdFrom() {
        return OWN_THRESHOLD_FROM;
    }

    /** The best single threshold for every judged class at once, for comparison with the calibrated ones. */
    public static double bestSingle(List<TagEvaluation.Scored> pictures) {
        return best(pictures, TagEvaluation.classes(pictures), TagThresholds.OBJECTS);
    }
}
