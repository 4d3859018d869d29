package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.DataFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data folder option every catalog command shares. */
final class CatalogOptions {
    @Option(names = "--home", paramLabel = "FOLDER",
            description = "Data folder holding the catalog (default: $CUTROOM_HOME, else the platform's user data folder).")
    Path home;

    CatalogDb open() {
        return CatalogDb.open(home != null ? home.toAbsolutePath() : DataFolder.resolve());
    }
}
