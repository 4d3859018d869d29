package io.cutroom.reframe;

import java.util.Locale;

/**
 * How the virtual camera operator moves, in fractions of the frame: the largest speed (per second) and
 * acceleration (per second squared), and the dead zone, how far the subject may drift from where the
 * window aims before the window follows at all.
 */
public enum MotionStyle {
    CALM(0.18, 0.35, 0.08),
    DEFAULT(0.5, 1.2, 0.05),
    RESPONSIVE(0.8, 2.5, 0.02);

    private final double maxSpeed;
    private final double maxAcceleration;
    private final double deadZone;

    MotionStyle(double maxSpeed, double maxAcceleration, double deadZone) {
        this.maxSpeed = maxSpeed;
        this.maxAcceleration = maxAcceleration;
        this.deadZone = deadZone;
    }

    public double maxSpeed() {
        return maxSpeed;
    }

    public double maxAcceleration() {
        return maxAcceleration;
    }

    public double deadZone() {
        return deadZone;
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
