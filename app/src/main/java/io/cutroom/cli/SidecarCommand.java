package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.sidecars.EmbeddedXmp;
import io.cutroom.usecases.Curation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code cutroom sidecar write|read ID...|--all [--embed]}: XMP sidecars beside the media ({@code NAME.EXT.xmp}) that
 * Lightroom, Bridge, digiKam and Resolve read, or with {@code --embed} the XMP inside JPEG stills. One line per asset
 * ({@code wrote ID SIDECAR}, {@code embedded ID FILE}); exit 3 when any could not be done.
 */
@Command(name = "sidecar", description = "Write or read XMP sidecars (NAME.EXT.xmp) with ratings, labels, keywords and descriptions.")
final class SidecarCommand extends CurationCommand {
    @Parameters(index = "0", paramLabel = "write|read", description = "write: from the catalog to the sidecars; read: back.")
    String direction;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ID", description = "Asset ids.")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--all", description = "Every ready asset in the catalog.")
    boolean all;

    @Option(names = "--embed", description = "With write: put the XMP inside JPEG stills (the picture stays as it is);"
            + " other files get a sidecar.")
    boolean embed;

    @Override
    int run(CatalogDb db, Curation curation, PrintWriter out) {
        boolean write = switch (direction.toLowerCase(Locale.ROOT)) {
            case "write" -> true;
            case "read" -> false;
            default -> throw new IllegalArgumentException("Say sidecar write or sidecar read, not sidecar " + direction + ".");
        };
        if (ids.isEmpty() && !all) {
            throw new ParameterException(spec.commandLine(), "Name asset ids, or use --all.");
        }
        AssetRepository assets = new AssetRepository(db);
        List<Asset> chosen = new ArrayList<>();
        if (all) {
            assets.all().stream().filter(Asset::isReady).forEach(chosen::add);
        }
        for (long id : ids) {
            chosen.add(assets.find(id).orElseThrow(() -> new IllegalArgumentException("There is no asset with id " + id + " in the catalog.")));
        }
        int failed = 0;
        for (Asset asset : chosen) {
            try {
                if (write && embed && EmbeddedXmp.canEmbed(asset.path())) {
                    Path file = curation.embedXmp(asset.id());
                    out.println("embedded " + asset.id() + " " + Format.printable(file));
                } else if (write) {
                    Path file = curation.writeSidecar(asset.id());
                    out.println("wrote " + asset.id() + " " + Format.printable(file));
                } else {
                    Optional<AssetLog> log = curation.readSidecar(asset.id());
                    out.println(log.isPresent() ? logLine(db, asset.id(), log.get())
                            : asset.id() + " " + Format.printable(asset.fileName()) + ": no sidecar");
                }
            } catch (IOException e) {
                failed++;
                spec.commandLine().getErr().println("cutroom: " + asset.id() + " " + Format.printable(asset.fileName()) + ": "
                        + ErrorSentence.of(e));
            }
        }
        return failed == 0 ? 0 : CutroomCli.EXIT_SOME_FAILED;
    }
}
