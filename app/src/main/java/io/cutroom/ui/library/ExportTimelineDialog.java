package io.cutroom.ui.library;

import io.cutroom.media.render.AspectRatio;
import io.cutroom.timelines.TimelineFormat;
import io.cutroom.ui.Studio;
import io.cutroom.usecases.Curation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Export Timeline…: a collection, a format an editing app reads, the sequence's shape, then where to write it. */
final class ExportTimelineDialog {
    /** The sequence shapes offered; null keeps the sources' own shape. */
    private static final List<AspectRatio> SHAPES = Arrays.asList(null, AspectRatio.VERTICAL, AspectRatio.SQUARE,
            AspectRatio.PORTRAIT);

    private ExportTimelineDialog() {
    }

    static void ask(Window owner, Studio studio, String collection) {
        studio.read(() -> studio.curation().collections(), listed -> show(owner, studio, collection, listed));
    }

    private static void show(Window owner, Studio studio, String collection, List<Curation.Listed> listed) {
        if (listed.isEmpty()) {
            new Alert(Alert.AlertType.INFORMATION, "Make a collection first: the + beside Collections, then drop cards on it.")
                    .showAndWait();
            return;
        }
        ComboBox<String> which = new ComboBox<>();
        listed.forEach(l -> which.getItems().add(l.path()));
        which.setValue(collection != null && which.getItems().contains(collection) ? collection : which.getItems().get(0));
        which.setId("export-collection");
        ComboBox<TimelineFormat> format = new ComboBox<>();
        format.getItems().addAll(TimelineFormat.values());
        format.setValue(TimelineFormat.FCPXML);
        format.setConverter(converter(ExportTimelineDialog::describe));
        format.setId("export-format");
        ComboBox<AspectRatio> shape = new ComboBox<>();
        shape.getItems().addAll(SHAPES);
        shape.setValue(null);
        shape.setConverter(converter(a -> a == null ? "Source shape" : a + " (reframed where the clip was reframed for it)"));
        shape.setId("export-aspect");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Collection"), which);
        grid.addRow(1, new Label("Format"), format);
        grid.addRow(2, new Label("Shape"), shape);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export Timeline");
        dialog.setHeaderText("The collection's selects (or whole clips), markers and ratings, for an editing app.");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + which.getValue() + " as " + describe(format.getValue()));
        chooser.setInitialFileName(which.getValue().replace('/', '-') + "." + format.getValue().extension());
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return;
        }
        write(studio, which.getValue(), format.getValue(), shape.getValue(), chosen.toPath());
    }

    /** Writes the timeline off the JavaFX thread and says what was written, or why not. */
    static void write(Studio studio, String collection, TimelineFormat format, AspectRatio aspect, Path file) {
        studio.change(() -> {
            try {
                return studio.timelines().exportTimeline(collection, format, aspect, file, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        },
                written -> new Alert(Alert.AlertType.INFORMATION, written.sentence()).show(),
                why -> new Alert(Alert.AlertType.WARNING, why).showAndWait());
    }

    private static String describe(TimelineFormat format) {
        return switch (format) {
            case OTIO -> "OpenTimelineIO (.otio)";
            case FCPXML -> "FCPXML 1.10: Final Cut Pro, DaVinci Resolve";
            case XMEML -> "Final Cut 7 XML: Premiere Pro";
            case EDL -> "CMX 3600 EDL";
            case MLT -> "MLT: Kdenlive, Shotcut";
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
