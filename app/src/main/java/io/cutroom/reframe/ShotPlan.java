package io.cutroom.reframe;

import java.util.List;
import java.util.Objects;

/**
 * How one shot is framed: the camera mode chosen, how many analysed moments had subjects that did not fit
 * the window with the more important ones (so the editor knows someone was left out, and {@code leftOut}
 * who), and how much wider than the output shape at full height its window was made to hold them
 * ({@code widened} 1: not at all).
 */
public record ShotPlan(int index, double startSec, double endSec, Mode mode, int framesWithDroppedSubjects,
                       int framesAnalysed, double widened, String leftOut) {
    /** A shot framed at the output shape. */
    public ShotPlan(int index, double startSec, double endSec, Mode mode, int framesWithDroppedSubjects, int framesAnalysed) {
        this(index, startSec, endSec, mode, framesWithDroppedSubjects, framesAnalysed, 1, null);
    }

    /**
     * Who or what was left out most often, as a sentence names it ("someone", "the dog", "the cup"); null when
     * nothing was. Shots stored before this was kept say "someone".
     */
    public String leftOutName() {
        return leftOut != null ? leftOut : framesWithDroppedSubjects > 0 ? "someone" : null;
    }

    /**
     * Who or what was left out across {@code shots}, for a sentence: "someone", "the dog", or several
     * joined with "or" ("someone or the dog"); null when nothing was.
     */
    public static String leftOutAcross(List<ShotPlan> shots) {
        List<String> names = shots.stream().map(ShotPlan::leftOutName).filter(Objects::nonNull).distinct().toList();
        return names.isEmpty() ? null : String.join(" or ", names);
    }

    public boolean wasWidened() {
        return widened > 1 + 1e-9;
    }

    public enum Mode {
        /** The subjects fit one window for the whole shot: the window does not move. */
        STEADY,
        /** The subjects sweep one way: the window pans at a constant speed. */
        PAN,
        /** The window follows the subject, within the style's speed, acceleration and dead zone. */
        TRACK
    }
}
