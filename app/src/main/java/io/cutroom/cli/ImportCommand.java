package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CatalogException;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.usecases.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom import [--json] PATH...}: one line per file, {@code imported ID PATH},
 * {@code duplicate ID PATH} or {@code failed PATH: REASON}. Exit 0 when all went in, 3 when any failed.
 */
@Command(name = "import", description = "Import files and folders (recursively) into the catalog.")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Option(names = "--json", description = "Print the outcomes as a JSON array.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<ImportOutcome> outcomes = new ArrayList<>();
        try (CommandContext ctx = CommandContext.open(spec.commandLine().getErr()); CatalogDb db = catalog.open()) {
            new Workspace(db).importFiles(paths, outcome -> {
                outcomes.add(outcome);
                if (!json) {
                    ctx.clearBar();
                    out.println(line(outcome));
                    out.flush();
                }
            }).job().run(ctx);
        } catch (JobCancelledException e) {
            spec.commandLine().getErr().println("cutroom: cancelled; the files imported so far are kept. Import the same paths"
                    + " again to carry on: files already in the catalog are skipped.");
            return CutroomCli.EXIT_CANCELLED;
        } catch (CatalogException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(ErrorSentence.of(e), e);
        }
        if (json) {
            out.println(Json.write(outcomes.stream().map(ImportCommand::toJson).toList()));
        }
        boolean anyFailed = outcomes.stream().anyMatch(o -> o instanceof ImportOutcome.Failed);
        return anyFailed ? CutroomCli.EXIT_SOME_FAILED : 0;
    }

    static String line(ImportOutcome outcome) {
        if (outcome instanceof ImportOutcome.Imported i) {
            return "imported " + i.assetId() + " " + Format.printable(i.path());
        }
        if (outcome instanceof ImportOutcome.Duplicate d) {
            return "duplicate " + d.assetId() + " " + Format.printable(d.path());
        }
        ImportOutcome.Failed f = (ImportOutcome.Failed) outcome;
        return "failed " + Format.printable(f.path()) + ": " + Format.printable(f.reason());
    }

    private static Map<String, Object> toJson(ImportOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (outcome instanceof ImportOutcome.Imported i) {
            json.put("outcome", "imported");
            json.put("id", i.assetId());
        } else if (outcome instanceof ImportOutcome.Duplicate d) {
            json.put("outcome", "duplicate");
            json.put("id", d.assetId());
            json.put("existingPath", d.existingPath().toString());
        } else if (outcome instanceof ImportOutcome.Failed f) {
            json.put("outcome", "failed");
            json.put("id", f.assetId());
            json.put("reason", f.reason());
        }
        json.put("path", outcome.path().toString());
        return json;
    }
}
