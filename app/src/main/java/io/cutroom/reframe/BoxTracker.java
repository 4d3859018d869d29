package io.cutroom.reframe;

import io.cutroom.media.GreyFrame;

/**
 * Follows one subject's box from frame to frame on the small grey copies, between the moments a detector
 * looks: the middle of the box as the detector last saw it is the template, and each new frame is searched
 * around where the box's last speed would put it for the place that matches it best (least mean absolute
 * difference, refined to a fraction of a pixel). Matching the detector's own picture of the subject, not
 * the last frame's, keeps rounding from adding up into drift; the next look replaces the template.
 */
final class BoxTracker {
    /** The middle share of the box taken as the template: its edges are mostly background. */
    static final double TEMPLATE_SHARE = 0.7;
    /** How far from the predicted place a match is searched, in pixels of the grey copy. */
    static final int SEARCH = 12;
    /** A mean difference of this many grey levels means the subject is no longer recognisable there. */
    static final double LOST_DIFFERENCE = 40;
    private static final int LEAST_TEMPLATE_SIDE = 4;

    private final byte[] template;
    private final int tw, th;
    /** The template's top-left corner relative to the box's, in pixels. */
    private final double offsetX, offsetY;
    private final double boxW, boxH;
    private final int frameW, frameH;
    private double x, y;
    /** Pixels a second: frames are not evenly spaced where the decoder skips those nothing refers to. */
    private double vx, vy;
    private double t;
    private double quality = 1;

    private BoxTracker(byte[] template, int tw, int th, double offsetX, double offsetY, double x, double y, double boxW,
                       double boxH, int frameW, int frameH, double t) {
        this.t = t;
        this.template = template;
        this.tw = tw;
        this.th = th;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.x = x;
        this.y = y;
        this.boxW = boxW;
        this.boxH = boxH;
        this.frameW = frameW;
        this.frameH = frameH;
    }

    /** A tracker for {@code subject} as seen on {@code frame}; null when too little of it is in the frame to follow. */
    static BoxTracker start(Subject subject, GreyFrame frame) {
        int fw = frame.width(), fh = frame.height();
        double bx = subject.x() * fw, by = subject.y() * fh, bw = subject.w() * fw, bh = subject.h() * fh;
        int tw = (int) Math.round(bw * TEMPLATE_SHARE), th = (int) Math.round(bh * TEMPLATE_SHARE);
        int tx = (int) Math.round(bx + (bw - tw) / 2), ty = (int) Math.round(by + (bh - th) / 2);
        int l = Math.max(0, tx), t = Math.max(0, ty), r = Math.min(fw, tx + tw), b = Math.min(fh, ty + th);
        if (r - l < LEAST_TEMPLATE_SIDE || b - t < LEAST_TEMPLATE_SIDE) return null;
        byte[] template = new byte[(r - l) * (b - t)];
        for (int row = t; row < b; row++) {
            System.arraycopy(frame.pixels(), row * fw + l, template, (row - t) * (r - l), r - l);
        }
        return new BoxTracker(template, r - l, b - t, l - bx, t - by, bx, by, bw, bh, fw, fh, frame.t());
    }

    /** Moves the box to where it best matches on {@code frame}, the next decoded frame. */
    void advance(GreyFrame frame) {
        if (frame.width() != frameW || frame.height() != frameH || frame.t() <= t) return;
        double dt = frame.t() - t;
        t = frame.t();
        double px = x + vx * dt + offsetX, py = y + vy * dt + offsetY;
        int cx = (int) Math.round(px), cy = (int) Math.round(py);
        int bestX = cx, bestY = cy;
        double best = Double.POSITIVE_INFINITY;
        for (int dy = -SEARCH; dy <= SEARCH; dy += 2) {
            for (int dx = -SEARCH; dx <= SEARCH; dx += 2) {
                double d = difference(frame, cx + dx, cy + dy, best);
                if (d < best) {
                    best = d;
                    bestX = cx + dx;
                    bestY = cy + dy;
                }
            }
        }
        int coarseX = bestX, coarseY = bestY;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (dx == 0 && dy == 0) continue;
                double d = difference(frame, coarseX + dx, coarseY + dy, best);
                if (d < best) {
                    best = d;
                    bestX = coarseX + dx;
                    bestY = coarseY + dy;
                }
            }
        }
        if (Double.isInfinite(best)) {
            quality = 0; // it has left the frame
            x += vx * dt;
            y += vy * dt;
            return;
        }
        double subX = bestX + vertex(difference(frame, bestX - 1, bestY, Double.POSITIVE_INFINITY), best,
                difference(frame, bestX + 1, bestY, Double.POSITIVE_INFINITY));
        double subY = bestY + vertex(difference(frame, bestX, bestY - 1, Double.POSITIVE_INFINITY), best,
                difference(frame, bestX, bestY + 1, Double.POSITIVE_INFINITY));
        double nx = subX - offsetX, ny = subY - offsetY;
        vx = (nx - x) / dt;
        vy = (ny - y) / dt;
        x = nx;
        y = ny;
        quality = Math.max(0, 1 - best / LOST_DIFFERENCE);
    }

    /** The subject moved to where the box is now, its importance scaled by how well the last match held. */
    Subject moved(Subject subject) {
        double w = boxW / frameW, h = boxH / frameH;
        double nx = Math.max(-w / 2, Math.min(1 - w / 2, x / frameW));
        double ny = Math.max(-h / 2, Math.min(1 - h / 2, y / frameH));
        double l = Math.max(0, nx), t = Math.max(0, ny), r = Math.min(1, nx + w), b = Math.min(1, ny + h);
        return subject.at(l, t, Math.max(1e-4, r - l), Math.max(1e-4, b - t)).withImportance(subject.importance() * quality);
    }

    double quality() {
        return quality;
    }

    /**
     * The template's mean absolute difference with the frame, its top-left corner at (ox, oy); infinite when
     * less than half of it lies in the frame. Stops early once it cannot beat {@code bound}.
     */
    private double difference(GreyFrame frame, int ox, int oy, double bound) {
        int l = Math.max(0, -ox), t = Math.max(0, -oy);
        int r = Math.min(tw, frameW - ox), b = Math.min(th, frameH - oy);
        int count = (r - l) * (b - t);
        if (r <= l || b <= t || count * 2 < tw * th) return Double.POSITIVE_INFINITY;
        byte[] pixels = frame.pixels();
        long sum = 0;
        long limit = Double.isInfinite(bound) ? Long.MAX_VALUE : (long) Math.ceil(bound * count);
        for (int row = t; row < b; row++) {
            int at = (oy + row) * frameW + ox;
            int from = row * tw;
            for (int col = l; col < r; col++) {
                sum += Math.abs((pixels[at + col] & 0xff) - (template[from + col] & 0xff));
            }
            if (sum > limit) return Double.POSITIVE_INFINITY;
        }
        return sum / (double) count;
    }

    /** Where a parabola through three neighbouring differences has its lowest point, from -0.5 to 0.5. */
    private static double vertex(double before, double at, double after) {
        if (Double.isInfinite(before) || Double.isInfinite(after)) return 0;
        double curvature = before - 2 * at + after;
        if (curvature <= 1e-9) return 0;
        return Math.max(-0.5, Math.min(0.5, (before - after) / (2 * curvature)));
    }
}
