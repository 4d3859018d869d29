package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import io.cutroom.media.MediaInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How assets read on cards and in lists. */
public final class LibraryText {
    private LibraryText() {
    }

    public static String duration(Double seconds) {
        if (seconds == null) {
            return "";
        }
        long total = Math.round(Math.floor(seconds));
        long h = total / 3600;
        long m = total / 60 % 60;
        long s = total % 60;
        if (h > 0) {
            return String.format("%d:%02d:%02d", h, m, s);
        }
        return seconds < 10 ? String.format(Locale.ROOT, "0:%04.1f", seconds) : String.format("%d:%02d", m, s);
    }

    /** "1280×720 · h264 · 25 fps", "44.1 kHz stereo · flac", or the error of a failed file. */
    public static String detail(Asset asset) {
        MediaInfo info = asset.info();
        if (info == null) {
            return asset.error() == null ? "" : asset.error();
        }
        List<String> parts = new ArrayList<>();
        if (info.displayWidth() != null) {
            parts.add(info.displayWidth() + "×" + info.displayHeight());
        }
        if (info.videoCodec() != null) {
            parts.add(info.videoCodec());
        }
        if (info.fps() != null) {
            parts.add(String.format(Locale.ROOT, "%.4g fps", info.fps()));
        }
        if (info.videoCodec() == null && info.sampleRate() != null) {
            parts.add(String.format(Locale.ROOT, "%.1f kHz", info.sampleRate() / 1000.0));
            parts.add(channels(info.channels()));
        }
        if (info.audioCodec() != null && info.videoCodec() == null) {
            parts.add(info.audioCodec());
        }
        return String.join(" · ", parts);
    }

    private static String channels(Integer n) {
        if (n == null) {
            return "";
        }
        return switch (n) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> n + " ch";
        };
    }
}
