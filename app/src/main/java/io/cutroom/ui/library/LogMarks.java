package io.cutroom.ui.library;

import io.cutroom.catalog.AssetLog;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A card's line of what the editor logged: stars, then the pick or reject flag and the colour label's name. */
final class LogMarks {
    private LogMarks() {
    }

    static HBox row(AssetLog log) {
        HBox row = new HBox(6);
        row.getStyleClass().add("log-marks");
        row.setAlignment(Pos.CENTER_LEFT);
        if (log.rating() > 0) {
            Label stars = new Label("★".repeat(log.rating()) + "☆".repeat(5 - log.rating()));
            stars.getStyleClass().add("log-stars");
            Tooltip.install(stars, new Tooltip(log.rating() + (log.rating() == 1 ? " star" : " stars")));
            row.getChildren().add(stars);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row.getChildren().add(spacer);
        if (log.flag() != AssetLog.Flag.NONE) {
            boolean pick = log.flag() == AssetLog.Flag.PICK;
            FontIcon flag = new FontIcon(pick ? Feather.FLAG : Feather.SLASH);
            flag.getStyleClass().add(pick ? "log-pick" : "log-reject");
            Label flagLabel = new Label(pick ? "Pick" : "Reject", flag);
            flagLabel.getStyleClass().add(pick ? "log-pick" : "log-reject");
            row.getChildren().add(flagLabel);
        }
        if (log.label() != null) {
            Label label = new Label(log.label().id());
            label.getStyleClass().addAll("log-label", "log-label-" + log.label().id());
            row.getChildren().add(label);
        }
        if (log.description() != null) {
            Tooltip.install(row, new Tooltip(log.description()));
        }
        return row;
    }
}
