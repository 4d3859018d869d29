package io.cutroom.worker;

import java.io.Serializable;

/** What the studio and its media worker say to each other over their socket, one object at a time. */
sealed interface WorkerMessage extends Serializable {
    /** Studio to worker: run this task. */
    record Run(WorkerTask<?> task) implements WorkerMessage {
    }

    /** Studio to worker: the user cancelled the task that is running. */
    record Cancel() implements WorkerMessage {
    }

    /** Worker to studio: the running task moved on. */
    record Progress(long done, long total, String message) implements WorkerMessage {
    }

    /** Worker to studio: the task finished with this result. */
    record Done(Serializable result) implements WorkerMessage {
    }

    /** Worker to studio: the task failed; {@code kind} keeps the sort of failure across the process line. */
    record Failed(WorkerException.Kind kind, String message) implements WorkerMessage {
    }
}
