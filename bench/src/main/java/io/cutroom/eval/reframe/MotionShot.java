package io.cutroom.eval.reframe;

import java.nio.file.Path;
import java.util.List;

/** One generated shot: a still background, how long it lasts, and the subjects moving over it. */
public record MotionShot(MotionKind kind, Path background, double seconds, List<Placed> subjects) {
    /** A subject picture, drawn {@code w} × {@code h} pixels, following its path. */
    public record Placed(Path picture, int w, int h, SubjectPath path) {
    }

    public MotionShot {
        subjects = List.copyOf(subjects);
    }
}
