package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.timelines.Timeline;
import io.cutroom.timelines.TimelineFormat;
import io.cutroom.usecases.Curation;
import io.cutroom.usecases.TimelineExchange;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cutroom export-timeline NAME --format otio|fcpxml|xmeml|edl|mlt [--aspect 9:16] --out FILE}: a collection for an editing app. */
@Command(name = "export-timeline", description = "Write a collection as a timeline an editing app opens: its selects"
        + " (or whole clips), markers and ratings.")
final class ExportTimelineCommand extends CurationCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The collection.")
    String name;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "otio, fcpxml, xmeml, edl or mlt.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The timeline file to write.")
    Path out;

    @Option(names = "--aspect", paramLabel = "W:H", description = "A sequence of this shape (9:16, 1:1, 4:5): each video"
            + " clip carries its reframe for that shape as keyframes (MLT, FCPXML, OTIO), or the centre crop.")
    String aspect;

    @Option(names = "--overwrite", description = "Replace FILE if it exists.")
    boolean overwrite;

    @Override
    int run(CatalogDb db, Curation curation, PrintWriter stdout) throws Exception {
        TimelineFormat chosen = TimelineFormat.parse(format);
        TimelineExchange.Exported written = new TimelineExchange(db).exportTimeline(name, chosen, aspect == null ? null : AspectRatio.parse(aspect),
                out, overwrite);
        Timeline timeline = written.timeline();
        stdout.printf(Locale.ROOT, "wrote %s: %s, %d clip(s), %.2f s, %d marker(s), %d x %d at %d fps%n",
                Format.printable(out), chosen.id(), timeline.clips().size(), timeline.startOf(timeline.clips().size()),
                written.markers(), timeline.width(), timeline.height(), timeline.fps());
        for (Path lut : written.luts()) {
            stdout.println("wrote " + Format.printable(lut) + ": a grade as a LUT");
        }
        return 0;
    }
}
