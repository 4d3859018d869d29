package io.cutroom.ui;

import io.cutroom.jobs.ErrorSentence;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Errors as a person reads them: a sentence in a dialog, never a stack trace. */
public final class UserMessage {
    private UserMessage() {
    }

    /** The sentence for a failure: the one translator both faces use ({@link ErrorSentence}). */
    public static String of(Throwable error) {
        return ErrorSentence.of(error);
    }

    public static void show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, of(error));
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.show();
    }
}
