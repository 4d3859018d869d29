package io.cutroom.media.render;

import java.io.Serializable;
import java.util.Locale;

/** An output shape such as 9:16, kept as the two numbers editors say and write. */
public record AspectRatio(int width, int height) implements Serializable {
    public static final AspectRatio VERTICAL = new AspectRatio(9, 16);
    public static final AspectRatio SQUARE = new AspectRatio(1, 1);
    public static final AspectRatio PORTRAIT = new AspectRatio(4, 5);
    public static final AspectRatio WIDE = new AspectRatio(16, 9);

    public AspectRatio {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("An aspect ratio needs two positive numbers, not " + width + ":" + height + ".");
        }
    }

    /** Parses "9:16", "1:1", "4:5" or "16:9" (any positive pair works). */
    public static AspectRatio parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("An aspect ratio is written like 9:16, not '" + text + "'.");
        }
        try {
            return new AspectRatio(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("An aspect ratio is written like 9:16, not '" + text + "'.", e);
        }
    }

    public double value() {
        return width / (double) height;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d:%d", width, height);
    }
}
