package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.MarkerRepository;
import io.cutroom.usecases.Curation;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Marking times in a clip: {@code marker} (a note at a time) and {@code select} (a named subclip). */
final class MarkCommands {
    private MarkCommands() {
    }

    /** {@code cutroom marker ID SEC TEXT}. */
    @Command(name = "marker", description = "Put a marker with a note at a time in a clip.")
    static final class Marker extends CurationCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Asset id.")
        long id;

        @Parameters(index = "1", paramLabel = "SEC", description = "Time in the clip, in seconds.")
        double atSec;

        @Parameters(index = "2", paramLabel = "TEXT", description = "The marker's note.")
        String text;

        @Override
        int run(CatalogDb db, Curation curation, PrintWriter out) {
            MarkerRepository.Marker m = curation.mark(id, atSec, text);
            out.printf(Locale.ROOT, "marker %d on %d at %.3f s: %s%n", m.id(), id, m.atSec(), Format.printable(m.note()));
            return 0;
        }
    }

    /** {@code cutroom select ID --in SEC --out SEC [--name NAME]}. */
    @Command(name = "select", description = "Keep a named subclip of a clip, from an in point to an out point.")
    static final class Select extends CurationCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Asset id.")
        long id;

        @Option(names = "--in", required = true, paramLabel = "SEC", description = "In point, in seconds.")
        double inSec;

        @Option(names = "--out", required = true, paramLabel = "SEC", description = "Out point, in seconds.")
        double outSec;

        @Option(names = "--name", paramLabel = "NAME", description = "The select's name (default: the clip's and its times).")
        String name;

        @Override
        int run(CatalogDb db, Curation curation, PrintWriter out) {
            MarkerRepository.Select s = curation.select(id, inSec, outSec, name);
            out.printf(Locale.ROOT, "select %d on %d from %.3f s to %.3f s: %s%n", s.id(), id, s.inSec(), s.outSec(),
                    Format.printable(s.name()));
            return 0;
        }
    }
}
