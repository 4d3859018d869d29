package io.cutroom.reframe;

/**
 * How one shot is framed: the camera mode chosen, and how many analysed moments had subjects that did not
 * fit the window with the more important ones (so the editor knows someone was left out).
 */
public record ShotPlan(int index, double startSec, double endSec, Mode mode, int framesWithDroppedSubjects,
                       int framesAnalysed) {
    public enum Mode {
        /** The subjects fit one window for the whole shot: the window does not move. */
        STEADY,
        /** The subjects sweep one way: the window pans at a constant speed. */
        PAN,
        /** The window follows the subject, within the style's speed, acceleration and dead zone. */
        TRACK
    }
}
