package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.DataFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The data folder option every catalog command shares. */
final class CatalogOptions {
    @Option(names = "--home", paramLabel = "FOLDER",
            description = "Data folder holding the catalog (default: $CUTROOM_HOME, else the platform's user data folder).")
    Path home;

    /** The asset, or null after telling the user there is none with that id. */
    static Asset findOrSay(CatalogDb db, long id, PrintWriter err) {
        Asset asset = new AssetRepository(db).find(id).orElse(null);
        if (asset == null) {
            err.println("cutroom: there is no asset with id " + id + " in the catalog.");
        }
        return asset;
    }

    /** True when every id names an asset; otherwise the first that does not has been told. */
    static boolean allFound(CatalogDb db, List<Long> ids, PrintWriter err) {
        for (long id : ids) {
            if (findOrSay(db, id, err) == null) return false;
        }
        return true;
    }

    CatalogDb open() {
        return CatalogDb.open(home());
    }

    Path home() {
        return home != null ? home.toAbsolutePath() : DataFolder.resolve();
    }
}
