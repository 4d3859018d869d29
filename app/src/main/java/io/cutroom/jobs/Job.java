package io.cutroom.jobs;

/** Background work with a title, progress and cancel. Knows nothing of the GUI or the terminal. */
public interface Job<T> {
    String title();

    T run(JobContext ctx) throws Exception;
}
