package io.cutroom.reframe;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/** What the analysis saw at one moment of a clip: the subjects, most important first. */
public record FrameSignals(double t, List<Subject> subjects) implements Serializable {
    public FrameSignals {
        subjects = subjects.stream()
                .sorted(Comparator.comparingDouble(Subject::importance).reversed()).toList();
    }
}
