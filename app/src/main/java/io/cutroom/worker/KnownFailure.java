package io.cutroom.worker;

/**
 * A domain failure that says which kind of trouble it is, so the worker can report it without knowing the
 * feature packages' exceptions: the media, a model or a render.
 */
public interface KnownFailure {
    WorkerException.Kind workerKind();
}
