package io.cutroom.media.render;

import java.util.Locale;

/**
 * What fills the output where a widened crop window reaches past the source frame: nothing may (the window
 * is kept inside the frame, as before widening existed), black bars, or the picture itself blurred and
 * zoomed to cover the output, as vertical video usually does.
 */
public enum Fill {
    NONE, PAD, BLUR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Fill parse(String text) {
        for (Fill f : values()) {
            if (f.id().equalsIgnoreCase(text.trim())) return f;
        }
        throw new IllegalArgumentException("The fill beyond the picture is pad or blur, not '" + text + "'.");
    }
}
