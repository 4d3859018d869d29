package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.usecases.Curation;
import io.cutroom.usecases.Relinker;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cutroom relink DIR}: finds moved or renamed files again by content, re-probes files changed in place,
 * and lists what is still offline. Lines: {@code moved ID FROM -> TO}, {@code changed ID PATH: ...},
 * {@code offline ID PATH}.
 */
@Command(name = "relink", description = "Find files moved or renamed outside Cutroom again, by content, in a folder.")
final class RelinkCommand extends CurationCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to look in (and its subfolders).")
    Path folder;

    @Override
    int run(CatalogDb db, Curation curation, PrintWriter out) throws Exception {
        Relinker.Report report;
        try (CommandContext ctx = CommandContext.open(spec.commandLine().getErr())) {
            report = new Relinker(db).relink(folder.toAbsolutePath(), ctx);
            ctx.clearBar();
        } catch (JobCancelledException e) {
            spec.commandLine().getErr().println("cutroom: cancelled; the files found so far are relinked.");
            return CutroomCli.EXIT_CANCELLED;
        }
        for (Relinker.Moved m : report.moved()) {
            out.println("moved " + m.assetId() + " " + Format.printable(m.from()) + " -> " + Format.printable(m.to()));
        }
        for (Relinker.Changed c : report.changed()) {
            out.println("changed " + c.assetId() + " " + Format.printable(c.path()) + ": "
                    + (c.outcome() instanceof ImportOutcome.Failed f ? "could not be read again: " + Format.printable(f.reason())
                    : "its content changed, so it was probed again"));
        }
        for (Asset a : report.offline()) {
            out.println("offline " + a.id() + " " + Format.printable(a.path()));
        }
        return 0;
    }
}
