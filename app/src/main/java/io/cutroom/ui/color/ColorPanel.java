package io.cutroom.ui.color;

import io.cutroom.catalog.Asset;
import io.cutroom.color.Scopes;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.CubeLut;
import io.cutroom.media.render.CubeLutWriter;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.GradePreview;
import io.cutroom.ui.Studio;
import io.cutroom.vision.PreviewPictures;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The clip view's colour panel: Auto (white balance and exposure per shot), Match to another clip, the
 * manual sliders, the eyedropper (pick something grey in the frame), LUT import and export, a before/after
 * split of the frame under the playhead, and live scopes of the graded frame. Every change is stored with the clip a moment after the last slider move,
 * and renders use it.
 */
public final class ColorPanel {
    /** One thread decodes and grades preview frames for every panel; newer requests make older ones moot. */
    private static final ExecutorService PREVIEW = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cutroom-colour-preview");
        t.setDaemon(true);
        return t;
    });

    private static final double CONTENT_PADDING = 20;
    private final Studio studio;
    private final Asset asset;
    private final ObservableDoubleValue position;
    private final double width;
    private final TitledPane section;
    private final GradeControls controls = new GradeControls();
    private final BeforeAfterView split;
    private final ScopesView scopes = new ScopesView();
    private final Label status = new Label();
    private final ComboBox<Asset> reference = new ComboBox<>();
    private final ToggleButton pick = new ToggleButton("Pick grey", new FontIcon(Feather.CROSSHAIR));
    private final PauseTransition saveDelay = new PauseTransition(Duration.millis(500));
    private final PauseTransition seekDelay = new PauseTransition(Duration.millis(300));
    private final ChangeListener<Number> followPlayhead = (o, a, b) -> seekDelay.playFromStart();
    private final AtomicLong frameRequests = new AtomicLong();
    private final AtomicLong gradeRequests = new AtomicLong();
    private volatile BufferedImage frame;
    private volatile double frameTime = -1;
    private Grade grade = Grade.NEUTRAL;
    private final ColorPanelModel model;

    public ColorPanel(Studio studio, Asset asset, ObservableDoubleValue position, double width) {
        this.studio = studio;
        this.asset = asset;
        this.model = new ColorPanelModel(asset, studio.grading(), studio.assets());
        this.position = position;
        this.width = width;
        // The titled pane pads its content: what is inside must fit the clip view's column with that padding.
        double inner = width - 2 * CONTENT_PADDING;
        this.split = new BeforeAfterView(inner, inner * 9 / 16);
        Button auto = new Button("Auto", new FontIcon(Feather.SUN));
        auto.setId("color-auto");
        auto.setOnAction(e -> run(null));
        reference.setPromptText("Match to…");
        reference.setConverter(new StringConverter<>() {
            @Override
            public String toString(Asset a) {
                return a == null ? "" : a.fileName();
            }

            @Override
            public Asset fromString(String s) {
                return null;
            }
        });
        reference.setPrefWidth(150);
        Button match = new Button("Match");
        match.setOnAction(e -> {
            if (reference.getValue() != null) {
                run(reference.getValue());
            }
        });
        Button reset = new Button("Reset");
        reset.getStyleClass().add("flat");
        reset.setOnAction(e -> reset());
        pick.setId("color-pick");
        pick.setTooltip(new Tooltip("Click or drag over something that should be grey: its colour becomes the light taken out."));
        pick.selectedProperty().addListener((o, was, on) -> {
            split.pickWith(on ? this::pickNeutral : null);
            if (on) {
                status.setText("Click or drag over something in the picture that should be grey or white.");
            }
        });
        // Two rows: the clip view's column is too narrow for all five without cutting their labels short.
        HBox correct = new HBox(8, auto, pick, reset);
        HBox matching = new HBox(8, reference, match);
        for (HBox row : List.of(correct, matching)) {
            row.setAlignment(Pos.CENTER_LEFT);
            row.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        }
        VBox actions = new VBox(8, correct, matching);
        Button importLut = new Button("LUT…", new FontIcon(Feather.FOLDER));
        importLut.setOnAction(e -> chooseLut());
        Button exportLut = new Button("Export LUT…", new FontIcon(Feather.DOWNLOAD));
        exportLut.setOnAction(e -> exportLut());
        HBox luts = new HBox(8, importLut, exportLut);
        status.setWrapText(true);
        status.getStyleClass().add("asset-detail");
        status.setId("color-status");
        VBox root = new VBox(8, actions, status, split.node(), scopes.node(), controls.node(), luts);
        root.setPrefWidth(inner);
        root.setMaxWidth(inner);
        status.setMaxWidth(inner);
        status.setPrefWidth(inner);
        section = new TitledPane("Colour", root);
        section.setExpanded(false);
        section.setAnimated(false);
        section.setId("color-section");
        controls.onChange(g -> {
            grade = g;
            regrade();
            saveDelay.playFromStart();
        });
        saveDelay.setOnFinished(e -> save());
        seekDelay.setOnFinished(e -> {
            if (section.isExpanded() && asset.kind() == MediaKind.VIDEO) {
                loadFrame();
            }
        });
        // Weak: the clip view's playhead outlives this panel, which goes when another clip is shown.
        position.addListener(new WeakChangeListener<>(followPlayhead));
        section.expandedProperty().addListener((o, was, open) -> {
            if (open) {
                loadFrame();
            }
        });
        load();
        studio.read(() -> studio.assets().all().stream().filter(a -> a.id() != asset.id() && a.isReady()
                && (a.kind() == MediaKind.VIDEO || a.kind() == MediaKind.IMAGE)).toList(), others -> reference.getItems().setAll(others));
    }

    public Node node() {
        return section;
    }

    /** Reads the stored grade again: after an auto or match job, or a change elsewhere. */
    public void load() {
        if (saveDelay.getStatus() == Animation.Status.RUNNING) {
            return; // the editor is mid-change: what is stored is older than what the sliders show
        }
        studio.read(model::load, loaded -> {
            grade = loaded.grade();
            controls.set(grade);
            status.setText(loaded.status());
            regrade();
        });
    }

    private void run(Asset matchTo) {
        status.setText(ColorPanelModel.working(matchTo));
        studio.grade(asset, matchTo).result().whenComplete((done, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.setText(ErrorSentence.of(error));
            } else {
                load();
            }
        }));
    }

    /** The eyedropper: the area's gains, measured on the source frame the editor sees, become the clip's white balance. */
    private void pickNeutral(BeforeAfterView.Area area) {
        BufferedImage source = frame;
        pick.setSelected(false);
        if (source == null) {
            return;
        }
        if (saveDelay.getStatus() == Animation.Status.RUNNING) {
            saveDelay.stop();
            save(); // queued before the pick on the catalog thread, so the pick builds on the sliders' latest values
        }
        // Measured on the catalog thread after any save queued above, so the pick builds on the sliders' latest values.
        studio.change(() -> {
            try {
                return model.pickNeutral(source, area.x0(), area.y0(), area.x1(), area.y1(), area.isPoint());
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, picked -> {
            if (picked.grade() != null) {
                grade = picked.grade();
                controls.set(grade);
                regrade();
            }
            status.setText(picked.status());
        }, reason -> status.setText("The picked white balance was not saved. " + reason));
    }

    private void reset() {
        grade = Grade.NEUTRAL;
        controls.set(grade);
        regrade();
        studio.change(model::reset, status::setText, reason -> status.setText("The grade was not reset. " + reason));
    }

    private void save() {
        Grade toSave = grade;
        studio.change(() -> model.save(toSave), status::setText, reason -> status.setText("The grade was not saved. " + reason));
    }

    private void chooseLut() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Apply a 3D LUT");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("3D LUT (.cube)", "*.cube"));
        File file = chooser.showOpenDialog(section.getScene().getWindow());
        if (file == null) {
            return;
        }
        // Read (and so checked) on the preview thread: a 65-point LUT is a quarter of a million lines.
        PREVIEW.submit(() -> {
            try {
                CubeLut.read(file.toPath());
                Platform.runLater(() -> {
                    grade = grade.withLut(file.getAbsolutePath());
                    controls.set(grade);
                    regrade();
                    save();
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.setText("That LUT cannot be used: " + ErrorSentence.of(e)));
            }
        });
    }

    private void exportLut() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the grade as a LUT");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("3D LUT (.cube)", "*.cube"));
        chooser.setInitialFileName(asset.fileName().replaceFirst("\\.[^.]+$", "") + ".cube");
        File file = chooser.showSaveDialog(section.getScene().getWindow());
        if (file == null) {
            return;
        }
        Grade look = grade.at(Math.max(0, position.get()));
        PREVIEW.submit(() -> {
            try {
                CubeLutWriter.write(look, CubeLutWriter.DEFAULT_SIZE, file.toPath(), asset.fileName());
                Platform.runLater(() -> status.setText("Wrote " + file.getName() + " (33-point 3D LUT)."));
            } catch (IOException e) {
                Platform.runLater(() -> status.setText("The LUT was not exported. " + ErrorSentence.of(e)));
            }
        });
    }

    /** Decodes the frame under the playhead (or the still) for the before/after view. */
    private void loadFrame() {
        double t = Math.max(0, position.get());
        long mine = frameRequests.incrementAndGet();
        PREVIEW.submit(() -> {
            if (mine != frameRequests.get()) {
                return;
            }
            try {
                int box = (int) Math.round(width);
                BufferedImage picture = asset.kind() == MediaKind.IMAGE
                        ? PreviewPictures.still(asset.path(), asset.info().exifOrientation(), box)
                        : PreviewPictures.frame(asset.path(), asset.info(), t);
                BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(picture, 0, 0, null);
                frame = rgb;
                frameTime = asset.kind() == MediaKind.IMAGE ? 0 : t;
                Platform.runLater(this::regrade);
            } catch (Exception e) {
                Platform.runLater(() -> status.setText("The frame could not be shown: " + ErrorSentence.of(e)));
            }
        });
    }

    /** Grades the current frame off the JavaFX thread and shows it with its scopes. */
    private void regrade() {
        BufferedImage source = frame;
        if (source == null) {
            return;
        }
        Grade look = grade.at(frameTime);
        long mine = gradeRequests.incrementAndGet();
        PREVIEW.submit(() -> {
            if (mine != gradeRequests.get()) {
                return;
            }
            try {
                BufferedImage graded = new GradePreview(look).apply(source);
                Scopes measured = Scopes.of(graded);
                Platform.runLater(() -> {
                    split.show(source, graded);
                    scopes.show(measured);
                });
            } catch (IOException e) {
                Platform.runLater(() -> status.setText("The grade's LUT could not be read: " + ErrorSentence.of(e)));
            }
        });
    }
}
