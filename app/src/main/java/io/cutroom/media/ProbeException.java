package io.cutroom.media;

/** A file could not be read as media; the message says why in words an editor understands. */
public class ProbeException extends Exception {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
