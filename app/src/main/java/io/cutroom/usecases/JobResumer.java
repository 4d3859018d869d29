package io.cutroom.usecases;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobJournal;
import io.cutroom.exports.ExportJob;
import io.cutroom.ingest.ImportJob;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;
import io.cutroom.jobs.JobRunner;
import io.cutroom.vision.TaggingJob;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Turns an interrupted or failed journal entry back into a job: an import goes on with the files not yet
 * in the catalog, a tagging run with the assets not yet tagged, and a render starts over with the same
 * settings (its partial file was never the finished one). The studio and the CLI both resume through here.
 */
public final class JobResumer {
    private final CatalogDb db;
    private final JobJournal journal;

    public JobResumer(CatalogDb db) {
        this.db = db;
        this.journal = new JobJournal(db);
    }

    /** The job that carries on {@code entry}; {@code onImported} hears each import outcome, if it is an import. */
    public Job<?> jobFor(JobJournal.Entry entry, Consumer<ImportOutcome> onImported) throws IOException {
        if (!entry.retryable()) {
            throw new IllegalArgumentException("Job " + entry.id() + " is " + entry.status().id()
                    + (entry.resumedBy() != null ? " and was already resumed or dismissed" : "") + "; there is nothing to resume.");
        }
        Job<?> job = switch (entry.kind()) {
            case IMPORT -> ImportJob.fromArgs(db, entry.args(), onImported);
            case TAG -> TaggingJob.fromArgs(db, entry.args(), TaggingJob.Listener.NONE);
            case RENDER -> ExportJob.fromArgs(db, entry.args());
        };
        return linked(entry.id(), job);
    }

    public static JobRunner.Lane laneOf(JobJournal.Kind kind) {
        return switch (kind) {
            case IMPORT -> JobRunner.Lane.IMPORT;
            case TAG -> JobRunner.Lane.INFERENCE;
            case RENDER -> JobRunner.Lane.RENDER;
        };
    }

    /** Wraps the job so that, once it has started, the old entry points at the new one. */
    private <T> Job<T> linked(long older, Job<T> job) {
        return new Job<>() {
            @Override
            public String title() {
                return "Resume: " + job.title();
            }

            @Override
            public T run(JobContext ctx) throws Exception {
                long since = journal.latestId();
                try {
                    return job.run(ctx);
                } finally {
                    journal.resumedBy(older, since);
                }
            }
        };
    }
}
