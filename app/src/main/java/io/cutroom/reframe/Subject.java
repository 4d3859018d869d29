package io.cutroom.reframe;

import java.io.Serializable;

/**
 * Something the window should keep in frame, seen in one analysed picture. The box is in fractions of the
 * picture as displayed; {@code importance} is the signal's weight times the detector's score.
 */
public record Subject(Kind kind, double x, double y, double w, double h, double importance)
        implements Serializable {
    public enum Kind { FACE, PERSON, ANIMAL, OBJECT, MOTION }

    public Subject withImportance(double value) {
        return new Subject(kind, x, y, w, h, value);
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }
}
