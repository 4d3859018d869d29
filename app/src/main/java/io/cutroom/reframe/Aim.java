package io.cutroom.reframe;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the window should be at one analysed moment: the centre it aims at, and for each axis the range of
 * centres that keep every kept subject wholly inside. Subjects are kept most important first while they
 * still fit one window together; the rest are counted as dropped.
 */
public record Aim(double t, boolean seen, double cx, double cy, double loX, double hiX, double loY, double hiY,
           int kept, int dropped, String droppedName) {

    Aim(double t, boolean seen, double cx, double cy, double loX, double hiX, double loY, double hiY, int kept, int dropped) {
        this(t, seen, cx, cy, loX, hiX, loY, hiY, kept, dropped, null);
    }

    public static Aim of(FrameSignals frame, double w, double h) {
        List<Subject> kept = new ArrayList<>();
        double left = 1, top = 1, right = 0, bottom = 0;
        int dropped = 0;
        String droppedName = null;
        double mostImportant = frame.subjects().isEmpty() ? 0 : frame.subjects().get(0).importance();
        for (Subject s : frame.subjects()) {
            double l = Math.min(left, s.x()), tp = Math.min(top, s.y());
            double r = Math.max(right, s.x() + s.w()), b = Math.max(bottom, s.y() + s.h());
            if (kept.isEmpty() || (r - l <= w + 1e-9 && b - tp <= h + 1e-9)) {
                kept.add(s);
                left = l;
                top = tp;
                right = r;
                bottom = b;
            } else if (worthReporting(s, mostImportant)) {
                if (dropped++ == 0) droppedName = s.name(); // the most important of those left out
            }
        }
        if (kept.isEmpty()) {
            return new Aim(frame.t(), false, 0.5, 0.5, w / 2, 1 - w / 2, h / 2, 1 - h / 2, 0, 0);
        }
        double sum = 0, cx = 0, cy = 0;
        for (Subject s : kept) {
            sum += s.importance();
            cx += s.importance() * s.centerX();
            cy += s.importance() * s.centerY();
        }
        cx = sum > 0 ? cx / sum : (left + right) / 2;
        cy = sum > 0 ? cy / sum : (top + bottom) / 2;
        // A single subject larger than the window: keep its most important part, the top for people and faces.
        double loX = Math.max(w / 2, right - w / 2), hiX = Math.min(1 - w / 2, left + w / 2);
        double loY = Math.max(h / 2, bottom - h / 2), hiY = Math.min(1 - h / 2, top + h / 2);
        if (loX > hiX) {
            loX = hiX = clamp(cx, w / 2, 1 - w / 2);
        }
        if (loY > hiY) {
            loY = hiY = clamp(top + h / 2, h / 2, 1 - h / 2);
        }
        return new Aim(frame.t(), true, clamp(cx, loX, hiX), clamp(cy, loY, hiY), loX, hiX, loY, hiY, kept.size(), dropped,
                droppedName);
    }

    /**
     * People, faces and animals left out are worth telling the editor about; an object only when it mattered
     * about as much as what was kept (a thing someone holds, not the table behind them); motion never.
     */
    static boolean worthReporting(Subject s, double top) {
        return switch (s.kind()) {
            case FACE, PERSON, ANIMAL -> true;
            case OBJECT -> s.importance() >= 0.5 * top;
            case MOTION -> false;
        };
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
