package io.cutroom.cli;

/** How durations and sizes read on a terminal. */
final class Format {
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

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kib = bytes / 1024.0;
        return kib < 1024 ? String.format("%.1f KiB", kib) : String.format("%.1f MiB", kib / 1024);
    }
}
