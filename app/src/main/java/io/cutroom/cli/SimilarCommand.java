package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ShotEmbedding;
import io.cutroom.catalog.TagRepository;
import io.cutroom.vision.SimilarShots;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cutroom similar ID[:SHOT]}: shots of other assets that look most like this one. */
@Command(name = "similar", description = "Find the shots most like a shot (ID or ID:SHOT) in other assets.")
final class SimilarCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "ID", converter = ShotRef.Converter.class, description = "Asset id, or ID:SHOT.")
    ShotRef ref;

    @Option(names = "--limit", defaultValue = "10", description = "How many to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array of {id, file, shot, startSec, endSec, similarity}.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CatalogDb db = catalog.open()) {
            Asset asset = CatalogOptions.findOrSay(db, ref.assetId(), err);
            if (asset == null) return CutroomCli.EXIT_ERROR;
            TagRepository tags = new TagRepository(db);
            List<ShotEmbedding> own = tags.embeddingsOf(asset.id());
            if (own.isEmpty()) {
                err.println("cutroom: " + asset.fileName() + " has not been tagged yet: run 'cutroom tag " + asset.id() + "' first.");
                return CutroomCli.EXIT_ERROR;
            }
            int shot = ref.shot() == null ? own.size() / 2 : ref.shot();
            ShotEmbedding query = own.stream().filter(e -> e.shotIndex() == shot).findFirst().orElse(null);
            if (query == null) {
                err.println("cutroom: " + asset.fileName() + " has no shot " + shot + " (it has " + own.size() + ").");
                return CutroomCli.EXIT_ERROR;
            }
            AssetRepository assets = new AssetRepository(db);
            List<Map<String, Object>> rows = new SimilarShots(tags.embeddings()).like(query, limit).stream().map(m -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", m.shot().assetId());
                row.put("file", assets.find(m.shot().assetId()).map(Asset::fileName).orElse(""));
                row.put("shot", m.shot().shotIndex());
                row.put("startSec", m.shot().startSec());
                row.put("endSec", m.shot().endSec());
                row.put("similarity", Math.round(m.similarity() * 10000) / 10000.0);
                return row;
            }).toList();
            if (json) {
                out.println(Json.write(rows));
            } else {
                for (Map<String, Object> row : rows) {
                    out.printf(Locale.ROOT, "%4d  shot %2d  %9s  %.3f  %s%n", row.get("id"), row.get("shot"),
                            Format.duration((double) row.get("startSec")), (double) row.get("similarity"), row.get("file"));
                }
            }
            return 0;
        }
    }
}
