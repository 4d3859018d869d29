package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ShotRepository;
import io.cutroom.ingest.ClipShots;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
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

/** {@code cutroom shots ID [--json] [--again]}: the clip's shots, found once and kept in the catalog. */
@Command(name = "shots", description = "Find (once) and print a video's shots.")
final class ShotsCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "ID", description = "Asset id of a video.")
    long id;

    @Option(names = "--json", description = "Print a JSON array of {index, startSec, endSec}.")
    boolean json;

    @Option(names = "--again", description = "Analyse again even if shots are stored.")
    boolean again;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (CommandContext ctx = CommandContext.open(spec.commandLine().getErr()); CatalogDb db = catalog.open()) {
            Asset asset = CatalogOptions.findOrSay(db, id, spec.commandLine().getErr());
            if (asset == null) {
                return CutroomCli.EXIT_ERROR;
            }
            ShotRepository repository = new ShotRepository(db);
            List<Shot> shots;
            if (again) {
                shots = new ShotDetector().detect(asset.path(), ctx);
                repository.replace(id, shots, ShotDetector.NAME);
            } else {
                shots = ClipShots.storedOrDetected(db, id, asset.path(), ctx);
            }
            ctx.clearBar();
            if (json) {
                out.println(Json.write(shots.stream().map(ShotsCommand::toJson).toList()));
            } else {
                for (Shot s : shots) {
                    out.printf(Locale.ROOT, "%3d  %9s  %9s  %6.2f s%n", s.index(), Format.duration(s.startSec()),
                            Format.duration(s.endSec()), s.lengthSec());
                }
            }
            return 0;
        }
    }

    private static Map<String, Object> toJson(Shot shot) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", shot.index());
        json.put("startSec", shot.startSec());
        json.put("endSec", shot.endSec());
        return json;
    }
}
