package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.usecases.Curation;
import io.cutroom.usecases.TimelineExchange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cutroom import-timeline FILE [--collection NAME]}: an editing app's timeline as a collection of selects. */
@Command(name = "import-timeline", description = "Read an OTIO, FCPXML, FCP7 XML, EDL or MLT timeline into a collection of selects.")
final class ImportTimelineCommand extends CurationCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The timeline.")
    Path file;

    @Option(names = "--collection", paramLabel = "NAME", description = "The collection (default: the timeline's name).")
    String collection;

    @Option(names = "--fps", paramLabel = "RATE", defaultValue = "25", description = "The frame rate an EDL's timecodes count in (default: 25).")
    int fps;

    @Override
    int run(CatalogDb db, Curation curation, PrintWriter out) throws Exception {
        TimelineExchange.TimelineImport result = new TimelineExchange(db).importTimeline(file, collection, fps);
        out.printf(Locale.ROOT, "collection %s: %d select(s), %d new marker(s), %d clip(s) not found%n",
                Format.printable(result.collection().name()), result.selects().size(), result.markers(), result.notFound().size());
        for (String missing : result.notFound()) {
            out.println("not found: " + Format.printable(missing));
        }
        return result.notFound().isEmpty() ? 0 : CutroomCli.EXIT_SOME_FAILED;
    }
}
