package io.cutroom.reframe;

import java.util.List;

/** What the analysis saw at one moment of a clip: the subjects, most important first. */
public record FrameSignals(double t, List<Subject> subjects) implements java.io.Serializable {
    public FrameSignals {
        subjects = subjects.stream()
                .sorted(java.util.Comparator.comparingDouble(Subject::importance).reversed()).toList();
    }
}
