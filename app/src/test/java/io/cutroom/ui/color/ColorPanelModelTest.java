package io.cutroom.ui.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.color.ClipGrading;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.Grade;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colour panel's reading, storing, eyedropper and sentences, on a real catalog and without a toolkit. */
class ColorPanelModelTest {
    @TempDir
    Path home;
    private CatalogDb db;
    private ClipGrading grading;
    private ColorPanelModel model;
    private long id;

    @BeforeEach
    void catalogWithOneStill() {
        db = TestCatalogs.open(home);
        AssetRepository assets = new AssetRepository(db);
        MediaInfo info = new MediaInfo(MediaKind.IMAGE, "png", null, 64, 64, null, 0, "rgb24", "png", null, null, null,
                null, Map.of(), null);
        id = assets.saveReady(new AssetRepository.FileFacts(home.resolve("wall.png"), 100, "wall"), info, List.of(), null);
        Asset asset = assets.find(id).orElseThrow();
        grading = new ClipGrading(db);
        model = new ColorPanelModel(asset, grading, assets);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Another workstation's panel on the same clip: each editor's slider stays, where they moved different ones. */
    @Test
    void twoPanelsMovingDifferentSlidersOfOneClipKeepBoth() {
        try (CatalogDb other = TestCatalogs.open(home)) {
            AssetRepository theirAssets = new AssetRepository(other);
            ColorPanelModel theirs = new ColorPanelModel(theirAssets.find(id).orElseThrow(), new ClipGrading(other), theirAssets);
            Grade start = model.load().grade();
            theirs.load();
            model.save(new Grade(start.exposure(), start.contrast(), start.saturation(), 20, start.tint(), start.gains(),
                    start.gamma(), start.lut(), start.lift(), start.gain(), start.shots()));
            theirs.save(new Grade(start.exposure(), start.contrast(), start.saturation(), start.temperature(), start.tint(),
                    start.gains(), start.gamma(), start.lut(), 0.03, start.gain(), start.shots()));
            Grade stored = model.load().grade();
            assertThat(stored.temperature()).isEqualTo(20);
            assertThat(stored.lift()).isEqualTo(0.03);
        }
    }

    @Test
    void aClipNeverGradedShowsNeutralAndSaysSo() {
        ColorPanelModel.Shown shown = model.load();
        assertThat(shown.grade()).isEqualTo(Grade.NEUTRAL);
        assertThat(shown.status()).startsWith("Not graded yet.");
    }

    @Test
    void aPickedWarmGreyBecomesTheWhiteBalanceAndIsStored() throws Exception {
        BufferedImage warmWall = filled(new Color(170, 128, 90));
        ColorPanelModel.Shown picked = model.pickNeutral(warmWall, 10, 10, 40, 40, false);

        List<Double> gains = picked.grade().gains();
        assertThat(gains.get(0)).as("red brought down").isLessThan(1);
        assertThat(gains.get(2)).as("blue brought up").isGreaterThan(1);
        assertThat(picked.status()).startsWith("White balance from the picked grey: gains R ");
        assertThat(grading.current(id)).isEqualTo(picked.grade());
        assertThat(model.load().status()).startsWith("Graded by hand");
    }

    @Test
    void aBlackPickChangesNothingAndSaysWhy() throws Exception {
        ColorPanelModel.Shown picked = model.pickNeutral(filled(Color.BLACK), 32, 32, 32, 32, true);
        assertThat(picked.grade()).isNull();
        assertThat(picked.status()).isNotBlank().endsWith(".").doesNotContain("Exception");
        assertThat(grading.stored(id)).isEmpty();
    }

    @Test
    void theSlidersAreStoredAndResetDropsThem() throws Exception {
        Grade warmer = new Grade(0, 1, 1, 15, 0, List.of(1.0, 1.0, 1.0), 1, null, 0, 1, null);
        assertThat(model.save(warmer)).startsWith("Graded by hand").endsWith("Renders use this grade.");
        assertThat(grading.current(id).temperature()).isEqualTo(15);

        assertThat(model.reset()).startsWith("Not graded yet.");
        assertThat(grading.current(id)).isEqualTo(Grade.NEUTRAL);
    }

    @Test
    void whatThePanelSaysWhileAutoOrMatchRuns() {
        assertThat(ColorPanelModel.working(null)).isEqualTo("Measuring every shot…");
        Asset reference = new AssetRepository(db).find(id).orElseThrow();
        assertThat(ColorPanelModel.working(reference)).isEqualTo("Matching to wall.png…");
    }

    private static BufferedImage filled(Color color) {
        BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        return picture;
    }
}
