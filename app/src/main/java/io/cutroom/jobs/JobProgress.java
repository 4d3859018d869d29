package io.cutroom.jobs;

/** A snapshot of a job's progress; {@code total} is 0 when unknown. */
public record JobProgress(long done, long total, String message) {
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, done / (double) total);
    }
}
