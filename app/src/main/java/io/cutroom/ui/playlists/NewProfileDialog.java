package io.cutroom.ui.playlists;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a new viewer's name and declared interests (tags, comma-separated). */
final class NewProfileDialog {
    record Answer(String name, List<String> interests) {
    }

    private NewProfileDialog() {
    }

    static Optional<Answer> ask(Window owner) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New viewer profile");
        TextField name = new TextField();
        name.setPromptText("Ana");
        TextField interests = new TextField();
        interests.setPromptText("bird, dog, close-up");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Interests (tags)"), interests);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(name.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Answer(name.getText().strip(),
                Arrays.stream(interests.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) : null);
        return dialog.showAndWait();
    }
}
