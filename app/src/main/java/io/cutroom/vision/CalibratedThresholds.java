package io.cutroom.vision;

import java.util.Map;

/** Tag thresholds fitted to labelled pictures: one shared by the object classes, and own ones for the classes listed. */
public record CalibratedThresholds(double shared, Map<String, Double> perClass) {
    public double of(String tag) {
        Double own = perClass.get(tag);
        if (own != null) {
            return own;
        }
        return TagVocabulary.isObject(tag) && !TagThresholds.hasFixedDefaultOfItsOwn(tag) ? shared : TagThresholds.fixedDefaultOf(tag);
    }
}
