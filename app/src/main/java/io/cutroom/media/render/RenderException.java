package io.cutroom.media.render;

import io.cutroom.worker.KnownFailure;
import io.cutroom.worker.WorkerException;

/** A render that could not be made; the message is the sentence the user sees. */
public class RenderException extends Exception implements KnownFailure {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public WorkerException.Kind workerKind() {
        return WorkerException.Kind.RENDER;
    }
}
