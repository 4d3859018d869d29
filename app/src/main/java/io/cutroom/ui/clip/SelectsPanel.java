package io.cutroom.ui.clip;

import io.cutroom.catalog.MarkerRepository;
import io.cutroom.ui.Studio;
import io.cutroom.ui.library.LibraryText;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The clip's selects and markers, under the filmstrip. I sets the in point at the playhead, O the out point (a select
 * is made once both are set), M adds a marker there. A click on a row moves the playhead to it.
 */
final class SelectsPanel {
    private final Studio studio;
    private final long assetId;
    private final DoubleConsumer seek;
    private final VBox root = new VBox(4);
    private final VBox rows = new VBox(2);
    private final Label pending = new Label();
    /** The in point set with I and not yet closed with O, or NaN. */
    private double inPoint = Double.NaN;

    SelectsPanel(Studio studio, long assetId, DoubleConsumer seek) {
        this.studio = studio;
        this.assetId = assetId;
        this.seek = seek;
        Label hint = new Label("I in, O out, M marker");
        hint.getStyleClass().add("hint");
        pending.getStyleClass().add("hint");
        pending.setId("selects-pending");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, ClipView.sectionLabel("Selects and markers"), spacer, pending, hint);
        header.setAlignment(Pos.CENTER_LEFT);
        rows.setId("selects-list");
        root.getChildren().addAll(header, rows);
        refresh();
    }

    Node node() {
        return root;
    }

    void markIn(double at) {
        inPoint = at;
        pending.setText("in at " + LibraryText.duration(at) + ", O to close");
    }

    void markOut(double at) {
        if (Double.isNaN(inPoint)) {
            pending.setText("press I first");
            return;
        }
        double in = Math.min(inPoint, at);
        double out = Math.max(inPoint, at);
        inPoint = Double.NaN;
        pending.setText("");
        if (out - in < 0.04) {
            pending.setText("in and out are the same frame");
            return;
        }
        change(() -> studio.curation().select(assetId, in, out, null));
    }

    void addMarker(double at, Window owner) {
        TextInputDialog ask = new TextInputDialog("Marker");
        ask.initOwner(owner);
        ask.setTitle("Marker at " + LibraryText.duration(at));
        ask.setHeaderText(null);
        ask.setContentText("Note:");
        Optional<String> note = ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
        note.ifPresent(text -> change(() -> studio.curation().mark(assetId, at, text)));
    }

    void refresh() {
        record Marks(List<MarkerRepository.Select> selects, List<MarkerRepository.Marker> markers) {
        }
        studio.read(() -> new Marks(studio.curation().selects(assetId), studio.curation().markers(assetId)), marks -> {
            rows.getChildren().clear();
            for (MarkerRepository.Select s : marks.selects()) {
                rows.getChildren().add(row(Feather.SCISSORS, s.name(),
                        LibraryText.duration(s.inSec()) + " – " + LibraryText.duration(s.outSec()), s.inSec(),
                        () -> studio.curation().removeSelect(s.id())));
            }
            for (MarkerRepository.Marker m : marks.markers()) {
                rows.getChildren().add(row(Feather.MAP_PIN, m.note(), LibraryText.duration(m.atSec()), m.atSec(),
                        () -> studio.curation().removeMarker(m.id())));
            }
            if (rows.getChildren().isEmpty()) {
                Label none = new Label("None yet. Play the clip and press I and O around a good take.");
                none.getStyleClass().add("hint");
                rows.getChildren().add(none);
            }
        });
    }

    private HBox row(Feather icon, String name, String time, double at, Runnable remove) {
        Label title = new Label(name, new FontIcon(icon));
        title.setMaxWidth(260);
        Label when = new Label(time);
        when.getStyleClass().add("timecode");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button delete = new Button(null, new FontIcon(Feather.X));
        delete.getStyleClass().addAll("flat", "small");
        delete.setTooltip(new Tooltip("Remove"));
        delete.setOnAction(e -> change(() -> {
            remove.run();
            return null;
        }));
        HBox row = new HBox(8, title, spacer, when, delete);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("select-row");
        row.setOnMouseClicked(e -> seek.accept(at));
        return row;
    }

    /** Stores a change; the catalog's change reaches the clip view, which lists the marks again. */
    private <T> void change(Supplier<T> work) {
        studio.change(work, done -> studio.changed(), why -> new Alert(Alert.AlertType.WARNING, why).showAndWait());
    }
}
