package io.cutroom.ingest;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports files and folders, one file at a time, reporting each outcome as it happens. Cancelling stops
 * before the next file; every file already done stays in the catalog.
 */
public final class ImportJob implements Job<List<ImportOutcome>> {
    private final CatalogDb db;
    private final List<Path> picked;
    private final Consumer<ImportOutcome> onOutcome;

    public ImportJob(CatalogDb db, List<Path> picked, Consumer<ImportOutcome> onOutcome) {
        this.db = db;
        this.picked = List.copyOf(picked);
        this.onOutcome = onOutcome;
    }

    @Override
    public String title() {
        return picked.size() == 1 ? "Import " + picked.get(0).getFileName() : "Import " + picked.size() + " items";
    }

    @Override
    public List<ImportOutcome> run(JobContext ctx) {
        ctx.progress(0, 0, "Looking for media");
        MediaFiles.Expansion expansion = MediaFiles.expand(picked);
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (MediaFiles.Unreadable bad : expansion.unreadable()) {
            report(outcomes, new ImportOutcome.Failed(bad.path(), bad.reason(), null));
        }
        Importer importer = new Importer(db);
        List<Path> files = expansion.files();
        for (int i = 0; i < files.size(); i++) {
            ctx.checkCancelled();
            Path file = files.get(i);
            ctx.progress(i, files.size(), file.getFileName().toString());
            report(outcomes, importer.importFile(file));
        }
        ctx.progress(files.size(), files.size(), "Done");
        return outcomes;
    }

    private void report(List<ImportOutcome> outcomes, ImportOutcome outcome) {
        outcomes.add(outcome);
        onOutcome.accept(outcome);
    }
}
