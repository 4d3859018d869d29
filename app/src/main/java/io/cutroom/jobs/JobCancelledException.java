package io.cutroom.jobs;

/** Thrown inside a job when its user cancelled it; the job's finished work stays. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException() {
        super("Cancelled.");
    }
}
