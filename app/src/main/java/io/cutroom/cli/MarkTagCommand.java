package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.usecases.Curation;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cutroom mark-tag TAG [--selects]}: every shot tagged TAG becomes a marker, or a select, in one step. */
@Command(name = "mark-tag", description = "Turn every shot tagged TAG into a marker at its start, or with --selects into a select.")
final class MarkTagCommand extends CurationCommand {
    @Parameters(index = "0", paramLabel = "TAG", description = "The tag, such as dog.")
    String tag;

    @Option(names = "--selects", description = "Make selects over the shots instead of markers.")
    boolean selects;

    @Override
    int run(CatalogDb db, Curation curation, PrintWriter out) {
        Curation.TagMarks made = curation.marksFromTag(tag, selects);
        out.printf(Locale.ROOT, "%d %s made on %d asset(s) for shots tagged %s%n", made.made(), selects ? "select(s)" : "marker(s)",
                made.assets(), Format.printable(tag.strip()));
        return 0;
    }
}
