package io.cutroom.vision;

/** One object or face found in a picture; the box is in fractions of the picture's width and height. */
public record Detection(String label, float score, float x, float y, float width, float height) {
    public float area() {
        return width * height;
    }

    /** Intersection over union of two boxes. */
    public float overlap(Detection other) {
        float left = Math.max(x, other.x);
        float top = Math.max(y, other.y);
        float right = Math.min(x + width, other.x + other.width);
        float bottom = Math.min(y + height, other.y + other.height);
        float shared = Math.max(0, right - left) * Math.max(0, bottom - top);
        float union = area() + other.area() - shared;
        return union <= 0 ? 0 : shared / union;
    }
}
