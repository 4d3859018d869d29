package io.cutroom.jobs;

/** Hears a job's progress. Called on the job's thread: a GUI listener must hand over to its own thread. */
@FunctionalInterface
public interface JobListener {
    JobListener NONE = progress -> { };

    void onProgress(JobProgress progress);
}
