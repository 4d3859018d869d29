package io.cutroom.ui.color;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.color.Illuminant;
import io.cutroom.color.WhiteBalanceEstimator;
import io.cutroom.media.render.Grade;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The sentence under the colour panel's buttons: where the clip's grade came from, what auto colour changed,
 * and, when it left the white balance alone, why, from the per-shot measurements stored with the grade.
 * "Left as it was" alone reads like a failure; the reason tells the editor whether to grade by hand.
 */
final class GradeSummary {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Below this confidence a measured cast was not trusted at all. */
    private static final double NOT_TRUSTED = 0.01;
    /** Below this share of its correction kept, the learned reliability is what held the white balance back. */
    private static final double DOUBTED = 0.5;

    private GradeSummary() {
    }

    static String of(Grade grade, String source, String analysis) {
        return of(grade, source, analysis, null);
    }

    /**
     * {@code source}: "auto", "match", "manual" or null (never graded); {@code analysis}: the stored measurements;
     * {@code reference}: the name of the clip a match was made to, when it is still in the catalog.
     */
    static String of(Grade grade, String source, String analysis, String reference) {
        if (source == null) {
            return "Not graded yet. Auto balances white and exposure shot by shot; the sliders grade by hand.";
        }
        String part = switch (source) {
            case "auto" -> "Auto colour on " + what(grade) + corrections(grade, analysis);
            case "match" -> "Matched to " + (reference == null ? "a reference" : reference) + ", " + what(grade)
                    + corrections(grade, null);
            default -> "Graded by hand";
        };
        return part + (grade.lut() == null ? "" : "; LUT " + Path.of(grade.lut()).getFileName()) + ". Renders use this grade.";
    }

    /** "3 shots", or "the picture" for a still (its one measurement spans no time). */
    private static String what(Grade grade) {
        int shots = grade.shots() == null ? 0 : grade.shots().size();
        if (shots == 1 && grade.shots().get(0).endSec() <= grade.shots().get(0).startSec()) {
            return "the picture";
        }
        return shots + (shots == 1 ? " shot" : " shots");
    }

    /** ": white balance moved by up to 3.1°, exposure -0.20 to +0.50 EV", from the per-shot corrections. */
    static String corrections(Grade grade, String analysis) {
        if (grade.shots() == null) {
            return "";
        }
        double angle = 0;
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (var shot : grade.shots()) {
            List<Double> g = shot.gains();
            angle = Math.max(angle, Illuminant.angleDegrees(new double[] {g.get(0), g.get(1), g.get(2)}, new double[] {1, 1, 1}));
            low = Math.min(low, shot.exposure());
            high = Math.max(high, shot.exposure());
        }
        String balance = angle < 0.05 ? "white balance left as it was" + whyLeft(analysis)
                : String.format(Locale.ROOT, "white balance moved by up to %.1f°", angle);
        String exposure = low == 0 && high == 0 ? "exposure left as it was"
                : low == high ? String.format(Locale.ROOT, "exposure %+.2f EV", low)
                : String.format(Locale.ROOT, "exposure %+.2f to %+.2f EV", low, high);
        return ": " + balance + ", " + exposure;
    }

    /**
     * Why no shot's white balance moved: all were already neutral, the picture's colour was the scene's own
     * (one colour throughout), a correction like the one measured was more likely to harm than help (the learned
     * reliability dropped it), or nothing in it turned grey at the measured light.
     */
    static String whyLeft(String analysis) {
        if (analysis == null) {
            return "";
        }
        try {
            JsonNode shots = JSON.readTree(analysis);
            if (!shots.isArray() || shots.isEmpty()) {
                return "";
            }
            boolean allNeutral = true;
            boolean oneColour = true;
            boolean doubted = true;
            for (JsonNode shot : shots) {
                boolean neutral = shot.path("castDeg").asDouble() <= WhiteBalanceEstimator.NEUTRAL_DEG;
                boolean untrusted = shot.path("confidence").asDouble() < NOT_TRUSTED;
                allNeutral &= neutral;
                oneColour &= neutral || untrusted;
                // Analyses stored before the reliability have no such field: they read as kept.
                doubted &= neutral || untrusted || shot.path("reliability").asDouble(1) < DOUBTED;
            }
            if (allNeutral) {
                return String.format(Locale.ROOT, " (already within %.0f° of neutral)", WhiteBalanceEstimator.NEUTRAL_DEG);
            }
            if (oneColour) {
                return " (its colour looked like the scene's own, not the light's)";
            }
            return doubted ? " (a correction like this one harms a balanced picture more often than it helps)"
                    : " (its greys and whites were already neutral, or it had none to go by)";
        } catch (IOException e) {
            return ""; // an unreadable analysis only loses the reason, not the grade
        }
    }
}
