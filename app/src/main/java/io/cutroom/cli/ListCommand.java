package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.media.MediaInfo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutroom list [--json]}: every asset in the catalog. */
@Command(name = "list", description = "List every asset in the catalog.")
final class ListCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Option(names = "--json", description = "Print a JSON array of assets.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Asset> assets;
        try (CatalogDb db = catalog.open()) {
            assets = new AssetRepository(db).all();
        }
        if (json) {
            out.println(Json.write(assets.stream().map(AssetJson::of).toList()));
            return 0;
        }
        out.printf("%5s  %-6s %-7s %9s  %-10s %-12s %s%n", "ID", "KIND", "STATUS", "DURATION", "SIZE", "CODECS", "PATH");
        for (Asset a : assets) {
            out.printf("%5d  %-6s %-7s %9s  %-10s %-12s %s%n", a.id(), a.kind() == null ? "?" : a.kind().id(),
                    Files.exists(a.path()) ? a.status().id() : "offline", Format.duration(a.info() == null ? null : a.info().durationSec()),
                    size(a.info()), codecs(a.info()), Format.printable(a.path()));
        }
        out.println(assets.size() + (assets.size() == 1 ? " asset" : " assets"));
        return 0;
    }

    private static String size(MediaInfo info) {
        return info == null || info.displayWidth() == null ? "" : info.displayWidth() + "x" + info.displayHeight();
    }

    private static String codecs(MediaInfo info) {
        if (info == null) {
            return "";
        }
        String v = info.videoCodec() == null ? "" : info.videoCodec();
        String a = info.audioCodec() == null ? "" : info.audioCodec();
        return (v.isEmpty() || a.isEmpty() ? v + a : v + "/" + a).toLowerCase(Locale.ROOT);
    }
}
