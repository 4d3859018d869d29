package io.cutroom.media.render;

/** A render that could not be made; the message is the sentence the user sees. */
public class RenderException extends Exception {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
