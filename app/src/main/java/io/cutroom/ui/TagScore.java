package io.cutroom.ui;

import io.cutroom.vision.FaceDetector;
import io.cutroom.vision.SceneClassifier;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.TagVocabulary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A tag as a screen shows it: its name and the best confidence it reached in the clip or shot. */
public record TagScore(String tag, double confidence) {
    /** The tags that clear their thresholds, most confident first. */
    public static List<TagScore> passing(Map<String, Double> best, TagThresholds thresholds) {
        return best.entrySet().stream().filter(e -> e.getValue() >= thresholds.of(e.getKey()))
                .map(e -> new TagScore(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(TagScore::confidence).reversed().thenComparing(TagScore::tag))
                .toList();
    }

    /**
     * What a library card shows: what is in the picture before how it was shot, and not "live action", which
     * nearly all footage is; the filter and the clip view still have it.
     */
    public static List<TagScore> forCard(List<TagScore> passing) {
        return passing.stream().filter(t -> !t.tag().equals(TagVocabulary.LIVE_ACTION))
                .sorted(Comparator.comparingInt((TagScore t) -> cardRank(t.tag()))
                        .thenComparing(Comparator.comparingDouble(TagScore::confidence).reversed()))
                .toList();
    }

    private static int cardRank(String tag) {
        return switch (TagVocabulary.modelOf(tag)) {
            case SceneClassifier.MODEL -> 2;
            case FaceDetector.MODEL -> 1;
            default -> tag.endsWith(" shot") ? 1 : 0;
        };
    }

    public String label() {
        return tag + " " + Math.round(confidence * 100) + "%";
    }
}
