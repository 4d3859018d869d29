package io.cutroom.ui;

import java.nio.file.Path;
import java.util.Locale;
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
        if (noDisplay()) {
            throw new IllegalStateException("The studio window cannot open: there is no display (DISPLAY is not set)."
                    + " The command line works without one: try 'cutroom --help'.");
        }
        Application.launch(StudioApp.class);
    }

    /** On Linux and BSD, JavaFX needs an X11 or Wayland display; macOS and Windows always have one. */
    private static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean unixDesktop = !os.contains("win") && !os.contains("mac");
        return unixDesktop && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))
                && !"Monocle".equals(System.getProperty("glass.platform"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static Path home() {
        return home;
    }

    static boolean importDemo() {
        return importDemo;
    }
}
