package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.usecases.Workspace;
import io.cutroom.vision.SimilarShots;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CatalogDb db = catalog.open()) {
            Asset asset = CatalogOptions.findOrSay(db, ref.assetId(), err);
            if (asset == null) return CutroomCli.EXIT_ERROR;
            Workspace workspace = new Workspace(db);
            int embedded = workspace.embeddedShots(asset.id());
            if (embedded == 0) {
                err.println("cutroom: " + asset.fileName() + " has not been tagged yet: run 'cutroom tag " + asset.id() + "' first.");
                return CutroomCli.EXIT_ERROR;
            }
            int shot = ref.shot() == null ? embedded / 2 : ref.shot();
            List<SimilarShots.Match> matches = workspace.similarShots(asset.id(), shot, limit).orElse(null);
            if (matches == null) {
                err.println("cutroom: " + asset.fileName() + " has no shot " + shot + " (it has " + embedded + ").");
                return CutroomCli.EXIT_ERROR;
            }
            AssetRepository assets = new AssetRepository(db);
            List<Map<String, Object>> rows = matches.stream().map(m -> {
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
