package io.cutroom.eval.reframe;

/**
 * Where a subject picture's top-left corner is, in pixels of the generated frame, at a time in seconds from
 * the start of its shot. Paths are exact functions of time, so every frame's ground truth is known.
 */
@FunctionalInterface
public interface SubjectPath {
    double[] at(double t);

    static SubjectPath still(double x, double y) {
        return t -> new double[] {x, y};
    }

    /** From (x0, y0) to (x1, y1) at a constant speed over {@code seconds}. */
    static SubjectPath line(double x0, double y0, double x1, double y1, double seconds) {
        return t -> {
            double f = Math.max(0, Math.min(1, t / seconds));
            return new double[] {x0 + (x1 - x0) * f, y0 + (y1 - y0) * f};
        };
    }

    /**
     * Side to side about {@code centreX}: {@code swing} pixels peak to peak, one full period every {@code period}
     * seconds, starting at {@code phase} (radians); with a small vertical bob of {@code bob} pixels.
     */
    static SubjectPath oscillation(double centreX, double y, double swing, double period, double phase, double bob) {
        return t -> new double[] {centreX + swing / 2 * Math.sin(2 * Math.PI * t / period + phase),
                y + bob / 2 * Math.sin(2 * Math.PI * t / (period * 0.7))};
    }

    /**
     * Legs of motion at constant speed, each from where the last ended, with no easing: {@code legs} holds
     * {seconds, dx, dy} per leg (dx = dy = 0 is a stop).
     */
    static SubjectPath legs(double x0, double y0, double[][] legs) {
        return t -> {
            double x = x0, y = y0, start = 0;
            for (double[] leg : legs) {
                double f = Math.max(0, Math.min(1, (t - start) / leg[0]));
                x += leg[1] * f;
                y += leg[2] * f;
                start += leg[0];
            }
            return new double[] {x, y};
        };
    }
}
