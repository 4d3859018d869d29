package io.cutroom.usecases;

import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobRunner;

/**
 * A use case ready to run: its job, and the lane it belongs on. The command line runs the job on its own
 * thread with a terminal progress bar; the studio submits it to that lane of its job runner.
 */
public record Work<T>(JobRunner.Lane lane, Job<T> job) {
}
