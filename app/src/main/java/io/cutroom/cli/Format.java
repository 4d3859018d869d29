package io.cutroom.cli;

import java.util.Locale;

/** How durations and sizes read on a terminal. */
public final class Format {
    private Format() {
    }

    static String duration(Double seconds) {
        if (seconds == null) {
            return "";
        }
        long centis = Math.round(seconds * 100);
        long h = centis / 360_000;
        long m = centis / 6_000 % 60;
        double s = centis % 6_000 / 100.0;
        return h > 0 ? String.format("%d:%02d:%05.2f", h, m, s) : String.format("%d:%05.2f", m, s);
    }

    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kib = bytes / 1024.0;
        return kib < 1024 ? String.format("%.1f KiB", kib) : String.format("%.1f MiB", kib / 1024);
    }

    /**
     * Text for one line of output: control characters (a newline in a file name would split the line scripts
     * read) and bidirectional overrides (which can make a name display as another) are written as escapes.
     * JSON output needs none of this; its encoder escapes them already.
     */
    static String printable(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
