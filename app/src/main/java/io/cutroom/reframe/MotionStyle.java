package io.cutroom.reframe;

import java.util.Locale;

/**
 * How the virtual camera operator moves: the fastest pan (frame widths a second) taken for a shot the
 * subjects cross at an even pace, and for a tracking shot how long the path takes to ease into a move and
 * how slowly it drifts back towards centring its subjects. No style lets a subject out of the window where
 * one window can hold it: a calmer style moves later and more gently, never less than the subject forces.
 */
public enum MotionStyle {
    CALM(0.18, 0.6, 2),
    DEFAULT(0.5, 0.35, 0.8),
    RESPONSIVE(0.8, 0.2, 0.5);

    private final double maxSpeed;
    private final double easeSec;
    private final double pullSec;

    MotionStyle(double maxSpeed, double easeSec, double pullSec) {
        this.maxSpeed = maxSpeed;
        this.easeSec = easeSec;
        this.pullSec = pullSec;
    }

    /** Over about how long a tracking path eases into and out of a move. */
    public double easeSec() {
        return easeSec;
    }

    /** Over about how long a tracking path drifts towards centring its subjects, where they leave it room. */
    public double pullSec() {
        return pullSec;
    }

    public double maxSpeed() {
        return maxSpeed;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MotionStyle parse(String text) {
        for (MotionStyle s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) return s;
        }
        throw new IllegalArgumentException("The motion style is calm, default or responsive, not '" + text + "'.");
    }
}
