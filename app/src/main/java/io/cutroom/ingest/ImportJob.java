package io.cutroom.ingest;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.JobArgs;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return new JobJournal(db).record(JobJournal.Kind.IMPORT, title(), args(picked), journalId -> importAll(ctx));
    }

    /** The journal's record of what was picked, from which {@link #fromArgs} resumes. */
    static String args(List<Path> picked) {
        return JobArgs.write(Map.of("paths", picked.stream().map(p -> p.toAbsolutePath().toString()).toList()));
    }

    /** Picks up an interrupted import: files already in the catalog come back as duplicates and are skipped. */
    public static ImportJob fromArgs(CatalogDb db, String args, Consumer<ImportOutcome> onOutcome) {
        List<Path> paths = new ArrayList<>();
        JobArgs.read(args).path("paths").forEach(p -> paths.add(Path.of(p.asText())));
        return new ImportJob(db, paths, onOutcome);
    }

    private List<ImportOutcome> importAll(JobContext ctx) {
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
