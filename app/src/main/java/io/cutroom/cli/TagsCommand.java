package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import io.cutroom.vision.TagThresholds;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutroom tags ID [--json] [--all]}: an asset's shot tags at or above their thresholds. */
@Command(name = "tags", description = "Print an asset's tags: tag, confidence, start and end, model.")
final class TagsCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "ID", description = "Asset id.")
    long id;

    @Option(names = "--json", description = "Print a JSON array of {tag, confidence, startSec, endSec, model, shot}.")
    boolean json;

    @Option(names = "--all", description = "Include tags below their thresholds (everything stored).")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CatalogDb db = catalog.open()) {
            Asset asset = CatalogOptions.findOrSay(db, id, spec.commandLine().getErr());
            if (asset == null) return CutroomCli.EXIT_ERROR;
            TagRepository repository = new TagRepository(db);
            TagThresholds thresholds = TagThresholds.of(db);
            List<ShotTag> tags = repository.forAsset(id).stream()
                    .filter(t -> all || thresholds.passes(t)).toList();
            if (json) {
                out.println(Json.write(tags.stream().map(TagJson::of).toList()));
            } else if (!repository.isTagged(id)) {
                out.println(asset.fileName() + " has not been tagged yet: run 'cutroom tag " + id + "'.");
            } else {
                for (ShotTag t : tags) {
                    out.printf(Locale.ROOT, "shot %2d  %9s-%-9s  %-16s %5.1f%%  %s%n", t.shotIndex(),
                            Format.duration(t.startSec()), Format.duration(t.endSec()), t.tag(), t.confidence() * 100, t.model());
                }
            }
            return 0;
        }
    }
}
