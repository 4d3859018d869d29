package io.cutroom.ui;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CatalogLocation;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File ▸ Catalog…: this workstation's own SQLite file, or a catalog shared on a PostgreSQL server. The choice is
 * tried (reached and brought to this version's schema) before it is saved, and the studio opens it at its next start.
 */
final class CatalogDialog {
    private CatalogDialog() {
    }

    static void show(Window owner, Studio studio) {
        ToggleGroup where = new ToggleGroup();
        RadioButton local = new RadioButton("This workstation only: a SQLite file in the data folder");
        RadioButton shared = new RadioButton("Shared with the studio's other workstations: PostgreSQL");
        local.setToggleGroup(where);
        shared.setToggleGroup(where);
        TextField url = new TextField();
        url.setId("catalog-url");
        url.setPromptText("postgresql://server:5432/cutroom?user=editor");
        url.setPrefColumnCount(42);
        if (studio.catalogLocation() instanceof CatalogLocation.Shared now) {
            shared.setSelected(true);
            url.setText(now.url());
        } else {
            local.setSelected(true);
        }
        url.disableProperty().bind(shared.selectedProperty().not());
        Label password = new Label("The password comes from PGPASSWORD or ~/.pgpass, never from here. To take this"
                + " catalog along, copy it first: cutroom catalog copy --to URL");
        password.setWrapText(true);
        password.setMaxWidth(520);
        VBox content = new VBox(8, new Label("Now: " + studio.catalogPlace()), local, shared, url, password);
        content.setPadding(new Insets(10));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Catalog");
        dialog.setHeaderText("Which catalog this studio opens");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return;
        }
        Path home = studio.dataFolder();
        boolean toShared = shared.isSelected();
        String typed = url.getText().strip();
        studio.change(() -> {
            CatalogLocation chosen = toShared ? CatalogLocation.parse(typed) : new CatalogLocation.Embedded(home);
            try (CatalogDb db = CatalogDb.open(chosen)) {
                CatalogLocation.saveChoice(home, toShared ? (CatalogLocation.Shared) chosen : null);
                return db.location().describe();
            }
        },
                place -> new Alert(Alert.AlertType.INFORMATION, "The studio opens " + place + " at its next start.").show(),
                why -> new Alert(Alert.AlertType.WARNING, why).showAndWait());
    }
}
