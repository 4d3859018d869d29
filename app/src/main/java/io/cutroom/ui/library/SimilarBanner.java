package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The line above the grid that says the library shows "more like" one asset, and closes that view. */
final class SimilarBanner {
    private final Label text = new Label();
    private final HBox root;

    SimilarBanner(Runnable close) {
        Button closeButton = new Button("Show All", new FontIcon(Feather.X));
        closeButton.getStyleClass().add("flat");
        closeButton.setOnAction(e -> close.run());
        text.getStyleClass().add("similar-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        root = new HBox(10, new FontIcon(Feather.LAYERS), text, closeButton);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(6, 16, 6, 16));
        root.getStyleClass().add("similar-banner");
        hide();
    }

    Node node() {
        return root;
    }

    void show(Asset of, boolean nothingFound) {
        text.setText(nothingFound
                ? "Nothing to compare " + of.fileName() + " with yet: tag it and more of the catalog first."
                : "More like " + of.fileName() + ", most alike first");
        root.setVisible(true);
        root.setManaged(true);
    }

    void hide() {
        root.setVisible(false);
        root.setManaged(false);
    }
}
