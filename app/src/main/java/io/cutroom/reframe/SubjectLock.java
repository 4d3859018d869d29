package io.cutroom.reframe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The editor's choice of whom to follow: a point on a subject at a moment (fractions of the frame). The shot
 * then follows that subject alone, found again at each analysed moment as the nearest subject to where it
 * was (the same kind first), in both directions from the moment chosen.
 */
public record SubjectLock(double t, double x, double y) {
    /** A subject may move this far (in frame fractions) between analysed moments and still be the same one. */
    static final double MOST_MOVE = 0.2;

    /** The shot's moments with only the followed subject in each (or nothing where it was lost). */
    List<FrameSignals> follow(List<FrameSignals> shot) {
        int n = shot.size();
        List<FrameSignals> out = new ArrayList<>(Collections.nCopies(n, null));
        if (n == 0) return out;
        int start = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(shot.get(i).t() - t) < Math.abs(shot.get(start).t() - t)) start = i;
        }
        Subject chosen = nearest(shot.get(start).subjects(), x, y, null, 1.0);
        out.set(start, only(shot.get(start), chosen));
        Subject last = chosen;
        for (int i = start + 1; i < n; i++) {
            Subject next = last == null ? null : nearest(shot.get(i).subjects(), last.centerX(), last.centerY(), last.kind(), MOST_MOVE);
            out.set(i, only(shot.get(i), next));
            if (next != null) last = next;
        }
        last = chosen;
        for (int i = start - 1; i >= 0; i--) {
            Subject next = last == null ? null : nearest(shot.get(i).subjects(), last.centerX(), last.centerY(), last.kind(), MOST_MOVE);
            out.set(i, only(shot.get(i), next));
            if (next != null) last = next;
        }
        return out;
    }

    private static FrameSignals only(FrameSignals frame, Subject subject) {
        return new FrameSignals(frame.t(), subject == null ? List.of() : List.of(subject), frame.tracked());
    }

    /** The subject nearest the point within reach, one of {@code kind} if there is one. Motion is never followed. */
    private static Subject nearest(List<Subject> subjects, double px, double py, Subject.Kind kind, double reach) {
        Subject best = null;
        double bestScore = Double.MAX_VALUE;
        for (Subject s : subjects) {
            if (s.kind() == Subject.Kind.MOTION) continue;
            double d = Math.hypot(s.centerX() - px, s.centerY() - py);
            double score = d + (kind != null && s.kind() != kind ? reach / 2 : 0);
            if (d <= reach && score < bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }
}
