package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobJournal;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobSummary;
import io.cutroom.media.render.RenderResult;
import io.cutroom.usecases.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutroom resume ID}: carries on an interrupted job from the journal, or tries a failed one again. */
@Command(name = "resume", description = "Carry on an interrupted or failed import, tagging run or render (see cutroom jobs).")
final class ResumeCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "ID", description = "The job's id, as cutroom jobs shows it.")
    long id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CatalogDb db = catalog.open()) {
            Workspace workspace = new Workspace(db);
            JobJournal.Entry entry = workspace.journalEntry(id).orElse(null);
            if (entry == null) {
                err.println("cutroom: there is no job " + id + " in the journal; cutroom jobs lists them.");
                return CutroomCli.EXIT_ERROR;
            }
            List<ImportOutcome> outcomes = new ArrayList<>();
            Job<?> job;
            try {
                job = workspace.resume(entry, outcome -> {
                    outcomes.add(outcome);
                    out.println(ImportCommand.line(outcome));
                    out.flush();
                }).job();
            } catch (IllegalArgumentException e) {
                err.println("cutroom: " + ErrorSentence.of(e));
                return CutroomCli.EXIT_ERROR;
            }
            out.println(job.title());
            Object result;
            try (CommandContext ctx = CommandContext.open(err)) {
                result = job.run(ctx);
            } catch (JobCancelledException e) {
                err.println("cutroom: cancelled; job " + id + " stopped again, and what it finished is kept.");
                return CutroomCli.EXIT_CANCELLED;
            } catch (Exception e) {
                err.println("cutroom: job " + id + " could not be resumed: " + ErrorSentence.of(e));
                return CutroomCli.EXIT_ERROR;
            }
            if (result instanceof JobSummary summary) {
                out.println(summary.summary());
            } else if (result instanceof RenderResult rendered) {
                out.println("rendered " + Format.printable(rendered.output()));
            }
            boolean someFailed = outcomes.stream().anyMatch(o -> o instanceof ImportOutcome.Failed);
            return someFailed ? CutroomCli.EXIT_SOME_FAILED : 0;
        }
    }
}
