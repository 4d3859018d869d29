package io.cutroom.ui.tags;

import io.cutroom.ui.Studio;
import io.cutroom.vision.TagThresholds;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * One slider per tag in the catalog: the confidence from which the tag is shown and found. While a slider
 * moves, the dialog counts the items that would carry the tag; letting go saves it to the catalog, and the
 * library follows at once. Tags below the storage floor were never kept, so the sliders start there.
 */
public final class ThresholdsDialog {
    private ThresholdsDialog() {
    }

    public static void show(Window owner, Studio studio) {
        record Snapshot(Map<Long, Map<String, Double>> best, TagThresholds thresholds) {
        }
        studio.read(() -> new Snapshot(studio.tagging().tags().bestPerAsset(), studio.tagging().thresholds()), s -> {
            Dialog<Void> dialog = new Dialog<>();
            dialog.initOwner(owner);
            dialog.setTitle("Tag thresholds");
            dialog.setHeaderText("Show a tag from this confidence on");
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(6);
            grid.setPadding(new Insets(4));
            TreeSet<String> names = new TreeSet<>();
            s.best().values().forEach(m -> names.addAll(m.keySet()));
            int row = 0;
            for (String tag : names) {
                Slider slider = new Slider(TagThresholds.STORE_FLOOR, 0.95, s.thresholds().of(tag));
                slider.setPrefWidth(220);
                Label value = new Label();
                Label count = new Label();
                value.getStyleClass().add("timecode");
                count.getStyleClass().add("metadata-key");
                Runnable update = () -> {
                    value.setText(String.format(Locale.ROOT, "%.0f%%", slider.getValue() * 100));
                    long items = s.best().values().stream()
                            .filter(m -> m.getOrDefault(tag, 0.0) >= slider.getValue()).count();
                    count.setText(items + (items == 1 ? " item" : " items"));
                };
                update.run();
                slider.valueProperty().addListener((o, a, b) -> update.run());
                slider.valueChangingProperty().addListener((o, was, now) -> {
                    if (!now) {
                        save(studio, dialog, tag, slider.getValue());
                    }
                });
                slider.setOnMouseReleased(e -> save(studio, dialog, tag, slider.getValue()));
                grid.addRow(row++, new Label(tag), slider, value, count);
            }
            if (names.isEmpty()) {
                grid.add(new Label("Nothing is tagged yet. Tag some clips first (Tags ▸ Tag Untagged)."), 0, 0);
            }
            ScrollPane scroll = new ScrollPane(grid);
            scroll.setFitToWidth(true);
            scroll.setPrefViewportHeight(Math.min(420, 34 * Math.max(1, names.size())));
            dialog.getDialogPane().setContent(scroll);
            dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            dialog.show();
        });
    }

    private static void save(Studio studio, Dialog<Void> dialog, String tag, double value) {
        double rounded = Math.round(value * 100) / 100.0;
        studio.change(() -> {
            studio.tagging().setThreshold(tag, rounded);
            return null;
        }, nothing -> { }, reason -> dialog.setHeaderText("The threshold for " + tag + " was not saved. " + reason));
    }
}
