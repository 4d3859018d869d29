package io.cutroom.ui;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the studio window from the command line; blocks until the window closes. */
public final class StudioLauncher {
    private static volatile Path home;
    private static volatile boolean importDemo;

    private StudioLauncher() {
    }

    /**
     * @param dataFolder the catalog's folder, or null for the default
     * @param demo       import the demo media without asking when the catalog is empty
     */
    public static void launch(Path dataFolder, boolean demo) {
        home = dataFolder;
        importDemo = demo;
        Application.launch(StudioApp.class);
    }

    static Path home() {
        return home;
    }

    static boolean importDemo() {
        return importDemo;
    }
}
