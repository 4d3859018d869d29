package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import io.cutroom.vision.TagThresholds;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cutroom search --tag NAME [--min-confidence X]}: the shots carrying a tag, best first. */
@Command(name = "search", description = "Find shots by tag.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Option(names = "--tag", required = true, paramLabel = "NAME", description = "Tag to look for, e.g. dog or close-up.")
    String tag;

    @Option(names = "--min-confidence", paramLabel = "X", description = "0 to 1 (default: the tag's threshold).")
    Double minConfidence;

    @Option(names = "--json", description = "Print a JSON array of {id, file, shot, tag, confidence, startSec, endSec, model}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
            throw new ParameterException(spec.commandLine(), "--min-confidence must be between 0 and 1.");
        }
        try (CatalogDb db = catalog.open()) {
            TagRepository repository = new TagRepository(db);
            double floor = minConfidence != null ? minConfidence : TagThresholds.of(db).of(tag);
            List<ShotTag> hits = repository.withTag(tag, floor);
            AssetRepository assets = new AssetRepository(db);
            Map<Long, String> files = new HashMap<>(); // one lookup per asset, not per shot
            List<Map<String, Object>> rows = hits.stream().map(hit -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", hit.assetId());
                row.put("file", files.computeIfAbsent(hit.assetId(),
                        id -> assets.find(id).map(Asset::fileName).orElse("")));
                row.putAll(TagJson.of(hit));
                return row;
            }).toList();
            if (json) {
                out.println(Json.write(rows));
            } else if (rows.isEmpty()) {
                out.printf(Locale.ROOT, "No shot is tagged \"%s\" at %.0f%% or more.%n", tag, floor * 100);
            } else {
                for (Map<String, Object> row : rows) {
                    out.printf(Locale.ROOT, "%4d  shot %2d  %9s-%-9s  %5.1f%%  %s%n", row.get("id"), row.get("shot"),
                            Format.duration((double) row.get("startSec")), Format.duration((double) row.get("endSec")),
                            (double) row.get("confidence") * 100, row.get("file"));
                }
            }
            return 0;
        }
    }
}
