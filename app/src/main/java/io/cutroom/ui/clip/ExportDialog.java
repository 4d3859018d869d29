package io.cutroom.ui.clip;

import io.cutroom.catalog.Asset;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Export settings for one clip: preset, shape, grade, loudness and destination. */
final class ExportDialog extends Dialog<RenderRequest> {
    private static final String NO_GRADE = "No grade";
    private static final String SOURCE_SHAPE = "Source shape";

    private final Asset asset;
    private final ComboBox<RenderPreset> preset = new ComboBox<>();
    private final ComboBox<String> aspect = new ComboBox<>();
    private final TextField gradeFile = new TextField();
    private final ComboBox<String> loudness = new ComboBox<>();
    private final TextField destination = new TextField();
    private final Label problem = new Label();

    ExportDialog(Asset asset, Window owner) {
        this.asset = asset;
        initOwner(owner);
        setTitle("Export " + asset.fileName());
        setHeaderText("Export " + asset.fileName());
        preset.getItems().addAll(RenderPreset.values());
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(RenderPreset p) {
                return p == null ? "" : describe(p);
            }

            @Override
            public RenderPreset fromString(String s) {
                return RenderPreset.MASTER;
            }
        });
        preset.setValue(RenderPreset.SOCIAL_VERTICAL);
        aspect.getItems().addAll(SOURCE_SHAPE, "9:16", "1:1", "4:5", "16:9");
        loudness.getItems().addAll("Leave as it is", "-14 LUFS (social)", "-16 LUFS (podcast)", "-23 LUFS (broadcast)");
        gradeFile.setPromptText(NO_GRADE);
        gradeFile.setEditable(false);
        Button chooseGrade = new Button("Choose…");
        chooseGrade.setOnAction(e -> chooseGrade());
        Button clearGrade = new Button("None");
        clearGrade.setOnAction(e -> gradeFile.clear());
        Button chooseDestination = new Button("Choose…");
        chooseDestination.setOnAction(e -> chooseDestination());
        preset.valueProperty().addListener((o, a, b) -> presetChanged());
        presetChanged();

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        HBox.setHgrow(gradeFile, Priority.ALWAYS);
        HBox.setHgrow(destination, Priority.ALWAYS);
        destination.setPrefColumnCount(36);
        grid.addRow(0, label("Preset"), preset);
        grid.addRow(1, label("Shape"), aspect);
        grid.addRow(2, label("Grade or LUT"), new HBox(6, gradeFile, chooseGrade, clearGrade));
        grid.addRow(3, label("Loudness"), loudness);
        grid.addRow(4, label("Save as"), new HBox(6, destination, chooseDestination));
        for (Button b : List.of(chooseGrade, clearGrade, chooseDestination)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        grid.add(problem, 1, 5);
        problem.getStyleClass().add("clip-error");
        getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        getDialogPane().lookupButton(export).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                build();
            } catch (IllegalArgumentException | IOException ex) {
                problem.setText(ErrorSentence.of(ex));
                e.consume();
            }
        });
        setResultConverter(button -> {
            if (button != export) {
                return null;
            }
            try {
                return build();
            } catch (IllegalArgumentException | IOException ex) {
                return null;
            }
        });
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String describe(RenderPreset p) {
        String shape = p.aspect() == null ? "source shape" : p.aspect().toString();
        return p.id() + " · " + shape + " · " + p.codec().video.replace("lib", "") + " · " + p.container();
    }

    private void presetChanged() {
        RenderPreset p = preset.getValue();
        if (p.aspect() != null) {
            aspect.setValue(p.aspect().toString());
            aspect.setDisable(true);
        } else {
            aspect.setDisable(false);
            if (aspect.getValue() == null || aspect.isDisabled()) {
                aspect.setValue(SOURCE_SHAPE);
            }
        }
        destination.setText(defaultDestination(p).toString());
        // Social platforms normalize to about -14 LUFS; masters and proxies keep the sound as it was mixed.
        loudness.getSelectionModel().select(p.loudnessTarget() == -14 && p.aspect() != null ? 1 : 0);
    }

    private Path defaultDestination(RenderPreset p) {
        String name = asset.fileName();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path folder = asset.path().getParent();
        Path candidate = folder.resolve(stem + "-" + p.id() + "." + p.container());
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + p.id() + "-" + n + "." + p.container());
        }
        return candidate;
    }

    private void chooseGrade() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a grade or a LUT");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Grades and LUTs", "*.json", "*.cube"));
        File file = chooser.showOpenDialog(getOwner());
        if (file != null) {
            gradeFile.setText(file.getAbsolutePath());
        }
    }

    private void chooseDestination() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the export as");
        Path current = Path.of(destination.getText());
        chooser.setInitialDirectory(current.getParent().toFile());
        chooser.setInitialFileName(current.getFileName().toString());
        File file = chooser.showSaveDialog(getOwner());
        if (file != null) {
            destination.setText(file.getAbsolutePath());
        }
    }

    private RenderRequest build() throws IOException {
        RenderPreset p = preset.getValue();
        AspectRatio shape = SOURCE_SHAPE.equals(aspect.getValue()) ? null : AspectRatio.parse(aspect.getValue());
        Grade grade = null;
        if (!gradeFile.getText().isBlank()) {
            Path file = Path.of(gradeFile.getText());
            grade = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cube")
                    ? Grade.NEUTRAL.withLut(file.toString()) : Grade.read(file);
        }
        Double target = loudness.getSelectionModel().getSelectedIndex() <= 0 ? null
                : Double.parseDouble(loudness.getValue().split(" ")[0]);
        Path out = Path.of(destination.getText().strip());
        if (destination.getText().isBlank()) {
            throw new IllegalArgumentException("Choose where to save the export.");
        }
        return new RenderRequest(asset.path(), out, p, shape, null, grade, target, Files.exists(out));
    }

    static Optional<RenderRequest> ask(Asset asset, Window owner) {
        return new ExportDialog(asset, owner).showAndWait();
    }
}
