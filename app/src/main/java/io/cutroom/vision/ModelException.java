package io.cutroom.vision;

/** A model could not be found, verified or run; the message is a sentence for the editor. */
public class ModelException extends Exception {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
