package io.cutroom.vision;

import io.cutroom.worker.KnownFailure;
import io.cutroom.worker.WorkerException;

/** A model could not be found, verified or run; the message is a sentence for the editor. */
public class ModelException extends Exception implements KnownFailure {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public WorkerException.Kind workerKind() {
        return WorkerException.Kind.MODEL;
    }
}
