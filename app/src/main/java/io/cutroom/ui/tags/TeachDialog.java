package io.cutroom.ui.tags;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CustomTagRepository.Example;
import io.cutroom.ui.Studio;
import io.cutroom.vision.TagTeacher;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the name of the tag to teach from what the editor picked. Naming an existing custom tag adds
 * these examples to it and retrains it; a new name starts a new tag.
 */
public final class TeachDialog {
    private TeachDialog() {
    }

    /** Teaches from every shot of these clips and stills. */
    public static void ask(Window owner, Studio studio, List<Asset> assets) {
        String what = assets.size() == 1 ? assets.get(0).fileName() : assets.size() + " selected items";
        ask(owner, studio, "Every shot of " + what + " becomes an example.", List.of(),
                assets.stream().map(Asset::id).toList());
    }

    /** Teaches from single shots, marked as examples or counter-examples. */
    public static void ask(Window owner, Studio studio, String whatIsMarked, List<Example> marks, List<Long> wholeAssets) {
        studio.read(() -> studio.tagging().customTagNames(), names -> {
            Dialog<String> dialog = new Dialog<>();
            dialog.initOwner(owner);
            dialog.setTitle("Teach a tag");
            dialog.setHeaderText("Teach a tag from examples");
            ComboBox<String> name = new ComboBox<>();
            name.setEditable(true);
            name.getItems().setAll(names);
            name.setPromptText("Tag name, such as sunset or drone shot");
            name.setMaxWidth(Double.MAX_VALUE);
            Label explain = new Label(whatIsMarked + " Cutroom learns the tag from at least "
                    + TagTeacher.MIN_EXAMPLES + " example shots, against other shots of the catalog,"
                    + " then tags the whole catalog with it. Pick an existing tag to add these examples to it.");
            explain.setWrapText(true);
            explain.setMaxWidth(420);
            dialog.getDialogPane().setContent(new VBox(10, name, explain));
            ButtonType teach = new ButtonType("Teach", ButtonBar.ButtonData.OK_DONE);
            dialog.getDialogPane().getButtonTypes().addAll(teach, ButtonType.CANCEL);
            dialog.getDialogPane().lookupButton(teach).disableProperty()
                    .bind(name.getEditor().textProperty().isEmpty().and(name.valueProperty().isNull()));
            dialog.setOnShown(e -> Platform.runLater(name::requestFocus)); // type the name at once
            dialog.setResultConverter(button -> button == teach ? chosen(name) : null);
            dialog.showAndWait().filter(n -> !n.isBlank())
                    .ifPresent(tag -> studio.tagging().teach(tag, marks, wholeAssets));
        });
    }

    private static String chosen(ComboBox<String> name) {
        String typed = name.getEditor().getText();
        return typed != null && !typed.isBlank() ? typed.strip() : name.getValue();
    }
}
