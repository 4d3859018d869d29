package io.cutroom.reframe;

import java.io.Serializable;

/**
 * Something the window should keep in frame, seen in one analysed picture. The box is in fractions of the
 * picture as displayed; {@code importance} is the signal's weight times the detector's score; {@code label}
 * is what the detector called it ("dog", "cup"), null for faces and motion.
 */
public record Subject(Kind kind, double x, double y, double w, double h, double importance, String label)
        implements Serializable {
    public enum Kind { FACE, PERSON, ANIMAL, OBJECT, MOTION }

    /** A subject no detector named. */
    public Subject(Kind kind, double x, double y, double w, double h, double importance) {
        this(kind, x, y, w, h, importance, null);
    }

    public Subject withImportance(double value) {
        return new Subject(kind, x, y, w, h, value, label);
    }

    /** The same subject, its box moved or resized. */
    public Subject at(double nx, double ny, double nw, double nh) {
        return new Subject(kind, nx, ny, nw, nh, importance, label);
    }

    /** Intersection over union of the two boxes. */
    public double overlap(Subject other) {
        double iw = Math.min(x + w, other.x + other.w) - Math.max(x, other.x);
        double ih = Math.min(y + h, other.y + other.h) - Math.max(y, other.y);
        if (iw <= 0 || ih <= 0) return 0;
        return iw * ih / (w * h + other.w * other.h - iw * ih);
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    /** How a sentence names it: "someone" for people and faces, "the dog" for a named thing, else "the subject". */
    public String name() {
        if (kind == Kind.FACE || kind == Kind.PERSON) return "someone";
        return label == null ? "the subject" : "the " + label;
    }
}
