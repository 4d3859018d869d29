package io.cutroom.ui;

import io.cutroom.jobs.ErrorSentence;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** A failure in a dialog, as the sentence {@link ErrorSentence} makes of it, never a stack trace. */
public final class UserMessage {
    private UserMessage() {
    }

    public static void show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, ErrorSentence.of(error));
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.show();
    }
}
