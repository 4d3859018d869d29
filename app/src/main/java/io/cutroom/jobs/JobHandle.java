package io.cutroom.jobs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** A submitted job: its result to come, its latest progress, and the way to cancel it. */
public final class JobHandle<T> {
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final String title;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicReference<JobProgress> progress = new AtomicReference<>(new JobProgress(0, 0, "Waiting"));
    private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);

    JobHandle(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public CompletableFuture<T> result() {
        return result;
    }

    public JobProgress progress() {
        return progress.get();
    }

    public State state() {
        return state.get();
    }

    /** Asks the job to stop at its next check. Work it already finished is kept. */
    public void cancel() {
        cancelRequested.set(true);
    }

    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    void running() {
        state.set(State.RUNNING);
    }

    void progress(JobProgress value) {
        progress.set(value);
    }

    void succeed(T value) {
        state.set(State.SUCCEEDED);
        result.complete(value);
    }

    void fail(Throwable error) {
        boolean cancelled = error instanceof JobCancelledException || error instanceof CancellationException;
        state.set(cancelled ? State.CANCELLED : State.FAILED);
        result.completeExceptionally(error);
    }
}
