package io.cutroom.media.render;

import java.io.Serializable;

/** A crop window in fractions of the source frame: x and y of its top-left corner, its width and height. */
public record CropWindow(double x, double y, double w, double h) implements Serializable {

    /** Linear blend between two windows; {@code f} runs from 0 (this) to 1 (other). */
    public CropWindow towards(CropWindow other, double f) {
        return new CropWindow(x + (other.x - x) * f, y + (other.y - y) * f, w + (other.w - w) * f, h + (other.h - h) * f);
    }

    /**
     * The same window moved (and, if larger than the frame, shrunk about its centre keeping its shape) so it
     * lies inside the frame.
     */
    public CropWindow clampedToFrame() {
        double scale = Math.min(1.0, Math.min(1.0 / w, 1.0 / h));
        double cw = w * scale;
        double ch = h * scale;
        double cx = x + (w - cw) / 2;
        double cy = y + (h - ch) / 2;
        cx = Math.max(0, Math.min(1 - cw, cx));
        cy = Math.max(0, Math.min(1 - ch, cy));
        return new CropWindow(cx, cy, cw, ch);
    }

    /**
     * The same window kept at its size where it is larger than the frame along one side (a widened window):
     * centred across that side, and moved into the frame along the other. Larger along both, it is shrunk
     * about its centre until it fits one of them.
     */
    public CropWindow placedInFrame() {
        if (w <= 1 && h <= 1) return clampedToFrame();
        double scale = Math.min(1.0, 1.0 / Math.min(w, h));
        double cw = w * scale, ch = h * scale;
        double cx = cw >= 1 ? (1 - cw) / 2 : Math.max(0, Math.min(1 - cw, x + (w - cw) / 2));
        double cy = ch >= 1 ? (1 - ch) / 2 : Math.max(0, Math.min(1 - ch, y + (h - ch) / 2));
        return new CropWindow(cx, cy, cw, ch);
    }

    /**
     * Whether the box {x, y, w, h} (fractions of the frame) lies wholly inside the window, each edge allowed to
     * miss by {@code tolerance}.
     */
    public boolean holds(double[] box, double tolerance) {
        return box[0] >= x - tolerance && box[0] + box[2] <= x + w + tolerance
                && box[1] >= y - tolerance && box[1] + box[3] <= y + h + tolerance;
    }

    /** Whether any of the window lies outside the frame. */
    public boolean reachesPastFrame() {
        return x < -1e-9 || y < -1e-9 || x + w > 1 + 1e-9 || y + h > 1 + 1e-9;
    }

    /** Width over height in pixels of a source of the given size. */
    public double pixelAspect(int sourceWidth, int sourceHeight) {
        return (w * sourceWidth) / (h * sourceHeight);
    }

    /** The window in whole pixels, even-aligned as 4:2:0 chroma needs, inside a frame of the given size. */
    public int[] toPixels(int frameWidth, int frameHeight) {
        int pw = Math.max(2, Math.min(frameWidth, evenRound(w * frameWidth)));
        int ph = Math.max(2, Math.min(frameHeight, evenRound(h * frameHeight)));
        int px = Math.max(0, Math.min(frameWidth - pw, evenRound(x * frameWidth)));
        int py = Math.max(0, Math.min(frameHeight - ph, evenRound(y * frameHeight)));
        return new int[] {px, py, pw, ph};
    }

    private static int evenRound(double value) {
        return (int) Math.round(value / 2) * 2;
    }
}
