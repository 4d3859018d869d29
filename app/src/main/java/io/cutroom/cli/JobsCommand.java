package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobJournal;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutroom jobs [--json]}: the job journal, with interrupted jobs marked for {@code cutroom resume}. */
@Command(name = "jobs", description = "List recent imports, tagging runs and renders, and which can be resumed.")
final class JobsCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Option(names = "--json", description = "Print a JSON array of jobs.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "How many of the latest jobs (default: ${DEFAULT-VALUE}).")
    int limit = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<JobJournal.Entry> entries;
        try (CatalogDb db = catalog.open()) {
            entries = new JobJournal(db).recent(limit);
        }
        if (json) {
            out.println(Json.write(entries.stream().map(JobsCommand::toJson).toList()));
            return 0;
        }
        out.printf("%5s  %-6s %-11s %-20s %s%n", "ID", "KIND", "STATUS", "STARTED", "TITLE");
        for (JobJournal.Entry e : entries) {
            out.printf("%5d  %-6s %-11s %-20s %s%s%n", e.id(), e.kind().id(), e.status().id(),
                    e.startedAt().toString().substring(0, 19).replace('T', ' '), Format.printable(e.title()),
                    e.retryable() ? "  (cutroom resume " + e.id() + ")" : "");
            if (e.message() != null && e.status() != JobJournal.Status.DONE) {
                out.println("       " + Format.printable(e.message()));
            }
        }
        return 0;
    }

    private static Map<String, Object> toJson(JobJournal.Entry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("kind", e.kind().id());
        json.put("status", e.status().id());
        json.put("title", e.title());
        json.put("message", e.message());
        json.put("resumable", e.resumable());
        json.put("resumedBy", e.resumedBy());
        json.put("startedAt", e.startedAt().toString());
        json.put("finishedAt", e.finishedAt() == null ? null : e.finishedAt().toString());
        return json;
    }
}
