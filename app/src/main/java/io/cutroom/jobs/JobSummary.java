package io.cutroom.jobs;

/** A job result that can say in one line what the job did, for the jobs panel and the terminal. */
public interface JobSummary {
    String summary();
}
