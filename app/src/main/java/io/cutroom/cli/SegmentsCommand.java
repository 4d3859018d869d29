package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.playlists.CatalogSnapshot;
import io.cutroom.playlists.Segments;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutroom segments [--k N] [--json]}: groups viewer profiles by taste and names each group's top tags. */
@Command(name = "segments", description = "Group viewer profiles by taste (k-means) and describe each group by its top tags.")
final class SegmentsCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Option(names = "--k", description = "Number of segments (default: about one per three profiles).")
    Integer k;

    @Option(names = "--json", description = "Print [{index, members, topTags}].")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CatalogDb db = catalog.open()) {
            CatalogSnapshot snapshot = CatalogSnapshot.load(db);
            if (snapshot.profiles().isEmpty()) {
                spec.commandLine().getErr().println("cutroom: there are no profiles yet; add one with: cutroom profile add NAME");
                return CutroomCli.EXIT_ERROR;
            }
            int count = k != null ? k : Segments.defaultCount(snapshot.profiles().size());
            List<Segments.Segment> segments = Segments.of(snapshot, count, 7);
            if (json) {
                out.println(Json.write(segments));
            } else {
                for (Segments.Segment s : segments) {
                    out.printf("segment %d: %s; members %s%n", s.index(),
                            s.topTags().isEmpty() ? "no tags yet" : String.join(", ", s.topTags()), String.join(", ", s.members()));
                }
            }
            return 0;
        }
    }
}
