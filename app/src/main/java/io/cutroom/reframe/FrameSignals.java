package io.cutroom.reframe;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * What the analysis saw at one moment of a clip: the subjects, most important first. {@code tracked} moments
 * are the frames between the detectors' looks, whose subjects were followed there by a tracker; their
 * importance is scaled by how well the tracker's match held.
 */
public record FrameSignals(double t, List<Subject> subjects, boolean tracked) implements Serializable {
    public FrameSignals {
        subjects = subjects.stream()
                .sorted(Comparator.comparingDouble(Subject::importance).reversed()).toList();
    }

    /** A moment a detector looked at. */
    public FrameSignals(double t, List<Subject> subjects) {
        this(t, subjects, false);
    }
}
