package io.cutroom.cli;

import io.cutroom.ui.StudioLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cutroom studio [--demo]}: opens the studio window; what {@code cutroom} with no arguments does. */
@Command(name = "studio", description = "Open the studio window.")
final class StudioCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Option(names = "--demo", description = "Import the bundled demo media at start when the catalog is empty.")
    boolean demo;

    @Override
    public Integer call() {
        StudioLauncher.launch(catalog.home, demo);
        return 0;
    }
}
