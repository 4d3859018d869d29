package io.cutroom.eval.reframe;

/** The kinds of subject motion the reframing evaluation is broken down by, one per generated shot. */
public enum MotionKind {
    STILL("still"),
    DRIFT("slow drift"),
    SWEEP("sweep across"),
    OSCILLATION("fast oscillation"),
    STOP_START("stops and starts"),
    ENTER_LEAVE("enters and leaves"),
    TWO_APART("two far apart");

    private final String label;

    MotionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
