package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ThumbnailRepository;
import io.cutroom.media.Thumbnail;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutroom info ID [--json]}: everything the catalog knows about one asset. */
@Command(name = "info", description = "Show everything known about one asset.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "ID", description = "Asset id, as printed by import and list.")
    long id;

    @Option(names = "--json", description = "Print the asset as a JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Asset> found;
        List<Thumbnail> pictures;
        try (CatalogDb db = catalog.open()) {
            found = new AssetRepository(db).find(id);
            pictures = found.isPresent() ? new ThumbnailRepository(db).all(id) : List.of();
        }
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("cutroom: there is no asset with id " + id + " in the catalog.");
            return CutroomCli.EXIT_ERROR;
        }
        Map<String, Object> fields = AssetJson.of(found.get());
        fields.put("thumbnails", pictures.stream().map(InfoCommand::describe).toList());
        if (json) {
            out.println(Json.write(fields));
            return 0;
        }
        fields.forEach((key, value) -> {
            if (value != null && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                out.printf("%-14s %s%n", key, key.equals("durationSec") ? Format.duration((Double) value) : value);
            }
        });
        return 0;
    }

    private static Map<String, Object> describe(Thumbnail t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("role", t.role().id());
        json.put("width", t.width());
        json.put("height", t.height());
        json.put("frames", t.frameCount());
        json.put("bytes", t.bytes().length);
        return json;
    }
}
