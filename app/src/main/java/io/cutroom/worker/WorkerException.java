package io.cutroom.worker;

import io.cutroom.jobs.ErrorSentence;

/**
 * Isolated work that did not produce a result. The message is the sentence the editor reads; the kind
 * says whether the file, the model, the render or the worker process itself was the trouble.
 */
public final class WorkerException extends Exception {
    public enum Kind {
        /** The media could not be read. */
        MEDIA,
        /** A model could not be loaded or run. */
        MODEL,
        /** An output could not be written. */
        RENDER,
        /** The worker process died: a native crash, or killed from outside. */
        CRASH,
        /** The worker said nothing for too long and was stopped. */
        HANG,
        /** The user cancelled the task; the studio turns this back into a cancelled job. */
        CANCELLED,
        /** Anything else that went wrong inside the task. */
        OTHER
    }

    private final Kind kind;

    public WorkerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the worker process itself failed, not the task: the file it was on is the likely cause. */
    public boolean processFailed() {
        return kind == Kind.CRASH || kind == Kind.HANG;
    }

    static Kind kindOf(Throwable failure) {
        return failure instanceof KnownFailure known ? known.workerKind() : Kind.OTHER;
    }

    static String messageOf(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "it needed more memory than the media worker may use";
        }
        return ErrorSentence.of(failure);
    }
}
