package io.cutroom.ui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Errors as a person reads them: a sentence in a dialog, never a stack trace. */
public final class UserMessage {
    private UserMessage() {
    }

    public static String of(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "Something went wrong (" + e.getClass().getSimpleName() + ")." : message;
    }

    public static void show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, of(error));
        alert.initOwner(owner);
        alert.setHeaderText(title);
        alert.show();
    }
}
