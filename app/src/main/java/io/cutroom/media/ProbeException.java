package io.cutroom.media;

import io.cutroom.worker.KnownFailure;
import io.cutroom.worker.WorkerException;

/** A file could not be read as media; the message says why in words an editor understands. */
public class ProbeException extends Exception implements KnownFailure {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public WorkerException.Kind workerKind() {
        return WorkerException.Kind.MEDIA;
    }
}
