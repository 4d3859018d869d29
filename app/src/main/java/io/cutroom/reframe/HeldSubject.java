package io.cutroom.reframe;

import io.cutroom.media.GreyFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * A CenterNet box held until the next run, or a face until the next moment, followed frame by frame by its
 * tracker (none when too little of it was in the picture to follow). A person box remembers the face inside
 * it (NaN when none), so that at the moments between runs it moves with that face.
 */
final class HeldSubject {
    private final Subject seen;
    private final double faceX, faceY;
    private final BoxTracker tracker;
    /** When a detector last saw it. */
    private final double seenAt;

    HeldSubject(Subject seen, double faceX, double faceY, GreyFrame frame) {
        this.seenAt = frame == null ? Double.NaN : frame.t();
        this.seen = seen;
        this.faceX = faceX;
        this.faceY = faceY;
        this.tracker = frame == null ? null : BoxTracker.start(seen, frame);
    }

    static HeldSubject of(Subject seen, GreyFrame frame) {
        return new HeldSubject(seen, Double.NaN, Double.NaN, frame);
    }

    /** The held subjects moved to {@code frame}, less those their tracker has lost there (matching below {@code lost}). */
    static List<HeldSubject> advanced(List<HeldSubject> held, GreyFrame frame, double lost) {
        List<HeldSubject> out = new ArrayList<>(held.size());
        for (HeldSubject h : held) {
            if (h.tracker != null) h.tracker.advance(frame);
            if (h.quality() >= lost) out.add(h);
        }
        return out;
    }

    boolean hasFace() {
        return !Double.isNaN(faceX);
    }

    boolean isTracked() {
        return tracker != null;
    }

    double seenAt() {
        return seenAt;
    }

    double seenImportance() {
        return seen.importance();
    }

    /** Where the subject is now, with the importance it was seen with. */
    Subject subject() {
        return tracker == null ? seen : tracker.moved(seen).withImportance(seen.importance());
    }

    double quality() {
        return tracker == null ? 1 : tracker.quality();
    }

    /** The face the box holds, moved as far as the box has. */
    double faceX() {
        return faceX + subject().x() - seen.x();
    }

    double faceY() {
        return faceY + subject().y() - seen.y();
    }
}
