package io.cutroom.ui.clip;

import io.cutroom.catalog.AssetLog;
import io.cutroom.ui.Studio;
import io.cutroom.usecases.Curation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the editor logs about the clip shown: stars (click the shown rating again to clear it), pick or reject, a
 * colour label and a description, kept when Enter is pressed or the field is left. The keys 0-5, P, X, U and 6-9 do
 * the same from anywhere in the studio.
 */
final class LogBar {
    private static final String NO_LABEL = "No label";

    private final Studio studio;
    private final long assetId;
    private final VBox root = new VBox(6);
    private final List<Label> stars = new ArrayList<>();
    private final ToggleButton pick = new ToggleButton("Pick", new FontIcon(Feather.FLAG));
    private final ToggleButton reject = new ToggleButton("Reject", new FontIcon(Feather.SLASH));
    private final ComboBox<String> label = new ComboBox<>();
    private final TextField description = new TextField();
    private AssetLog shown = AssetLog.NONE;
    private boolean loading;

    LogBar(Studio studio, long assetId) {
        this.studio = studio;
        this.assetId = assetId;
        HBox starRow = new HBox(2);
        starRow.setId("log-stars");
        for (int i = 1; i <= 5; i++) {
            int n = i;
            Label star = new Label("☆");
            star.getStyleClass().add("log-star");
            star.setOnMouseClicked(e -> save((c, id) -> c.rate(id, shown.rating() == n ? 0 : n)));
            Tooltip.install(star, new Tooltip(n + (n == 1 ? " star" : " stars") + " (key " + n + ")"));
            stars.add(star);
            starRow.getChildren().add(star);
        }
        pick.setId("log-pick");
        pick.setTooltip(new Tooltip("Pick (P); U takes the flag off"));
        pick.setOnAction(e -> save((c, id) -> c.flag(id, pick.isSelected() ? AssetLog.Flag.PICK : AssetLog.Flag.NONE)));
        reject.setId("log-reject");
        reject.setTooltip(new Tooltip("Reject (X); U takes the flag off"));
        reject.setOnAction(e -> save((c, id) -> c.flag(id, reject.isSelected() ? AssetLog.Flag.REJECT : AssetLog.Flag.NONE)));
        label.getItems().add(NO_LABEL);
        for (AssetLog.Label l : AssetLog.Label.values()) {
            label.getItems().add(capitalised(l.id()));
        }
        label.setValue(NO_LABEL);
        label.setId("log-label");
        label.setTooltip(new Tooltip("Colour label (6 red, 7 yellow, 8 green, 9 blue)"));
        label.valueProperty().addListener((o, was, now) -> {
            if (!loading && now != null) {
                AssetLog.Label chosen = NO_LABEL.equals(now) ? null : AssetLog.Label.parse(now);
                save((c, id) -> c.label(id, chosen));
            }
        });
        description.setPromptText("Description: what is in it, who, where");
        description.setId("log-description");
        description.setOnAction(e -> saveDescription());
        description.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                saveDescription();
            }
        });
        HBox.setHgrow(description, Priority.ALWAYS);
        HBox top = new HBox(10, starRow, pick, reject, label);
        top.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(top, description);
        root.getStyleClass().add("log-bar");
        refresh();
    }

    Node node() {
        return root;
    }

    /** Reads the asset's log again (the keys may have changed it). */
    void refresh() {
        studio.read(() -> studio.curation().log(assetId), this::show);
    }

    private void show(AssetLog log) {
        loading = true;
        shown = log;
        for (int i = 0; i < stars.size(); i++) {
            boolean lit = i < log.rating();
            stars.get(i).setText(lit ? "★" : "☆");
            stars.get(i).getStyleClass().removeAll("lit");
            if (lit) {
                stars.get(i).getStyleClass().add("lit");
            }
        }
        pick.setSelected(log.flag() == AssetLog.Flag.PICK);
        reject.setSelected(log.flag() == AssetLog.Flag.REJECT);
        label.setValue(log.label() == null ? NO_LABEL : capitalised(log.label().id()));
        if (!description.isFocused()) {
            description.setText(log.description() == null ? "" : log.description());
        }
        loading = false;
    }

    private void saveDescription() {
        String typed = description.getText() == null ? "" : description.getText().strip();
        String was = shown.description() == null ? "" : shown.description();
        if (!typed.equals(was)) {
            save((c, id) -> c.describe(id, typed));
        }
    }

    private void save(BiFunction<Curation, Long, AssetLog> how) {
        studio.change(() -> how.apply(studio.curation(), assetId), saved -> {
            show(saved);
            studio.changed();
        }, why -> new Alert(Alert.AlertType.WARNING, why).showAndWait());
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
