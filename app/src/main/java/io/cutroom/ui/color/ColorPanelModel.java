package io.cutroom.ui.color;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.color.ClipGrading;
import io.cutroom.color.NeutralPick;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.media.render.Grade;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;

/**
 * What the colour panel does with the clip's stored grade, without a toolkit: read it, store the sliders, take
 * a picked grey out, reset, and the sentence under the buttons each time. Its methods read and write the
 * catalog, so {@link ColorPanel} calls them off the JavaFX thread and shows what they return.
 */
final class ColorPanelModel {
    private final Asset asset;
    private final ClipGrading grading;
    private final AssetRepository assets;

    /** The grade to show and the sentence to show under the buttons; a null grade leaves the sliders as they are. */
    record Shown(Grade grade, String status) {
    }

    /** The grade as this panel last read or stored it: what the editor's changes are measured from. */
    private volatile Grade base = Grade.NEUTRAL;

    ColorPanelModel(Asset asset, ClipGrading grading, AssetRepository assets) {
        this.asset = asset;
        this.grading = grading;
        this.assets = assets;
    }

    /** The stored grade and where it came from; a neutral one with the reason when it cannot be read. */
    Shown load() {
        try {
            Grade stored = grading.current(asset.id());
            base = stored;
            return new Shown(stored, summaryOf(stored));
        } catch (IOException e) {
            return new Shown(Grade.NEUTRAL, ErrorSentence.of(e));
        }
    }

    /** What the panel says while auto colour measures the clip, or while it is matched to {@code reference}. */
    static String working(Asset reference) {
        return reference == null ? "Measuring every shot…" : "Matching to " + reference.fileName() + "…";
    }

    /**
     * The eyedropper: the picked point or box of {@code frame} (the source picture the editor sees, in its
     * pixels) should be grey, so its light becomes the clip's white balance. A black or blown-out pick changes
     * nothing and says why.
     */
    Shown pickNeutral(BufferedImage frame, int x0, int y0, int x1, int y1, boolean point) throws IOException {
        double[] gains;
        try {
            gains = point ? NeutralPick.gainsAround(frame, x0, y0) : NeutralPick.gainsIn(frame, x0, y0, x1, y1);
        } catch (IllegalArgumentException refused) {
            return new Shown(null, ErrorSentence.of(refused));
        }
        Grade picked = grading.applyNeutral(asset.id(), gains);
        base = picked;
        return new Shown(picked, String.format(Locale.ROOT,
                "White balance from the picked grey: gains R %.2f, G %.2f, B %.2f.", gains[0], gains[1], gains[2]));
    }

    /** Stores the sliders' grade over the clip's automatic corrections; the sentence for it. */
    String save(Grade grade) {
        Grade stored = grading.saveChanges(asset.id(), base, grade);
        base = stored;
        return summaryOf(stored);
    }

    /** Drops the clip's grade, automatic and manual; the sentence for a clip never graded. */
    String reset() {
        grading.reset(asset.id());
        base = Grade.NEUTRAL;
        return GradeSummary.of(Grade.NEUTRAL, null, null);
    }

    /** The sentence for {@code shown}, from what is stored with the clip. */
    String summaryOf(Grade shown) {
        var saved = grading.stored(asset.id());
        String reference = saved.map(s -> s.referenceId()).flatMap(assets::find).map(Asset::fileName).orElse(null);
        return GradeSummary.of(shown, saved.map(s -> s.source()).orElse(null), saved.map(s -> s.analysis()).orElse(null),
                reference);
    }
}
