package io.cutroom.catalog;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Cutroom keeps its catalog. Tests and demos point it elsewhere with {@code -Dcutroom.home}
 * or {@code CUTROOM_HOME}; otherwise it follows the platform's convention for per-user application data.
 */
public final class DataFolder {
    public static final String PROPERTY = "cutroom.home";
    public static final String ENVIRONMENT = "CUTROOM_HOME";

    private DataFolder() {
    }

    public static Path resolve() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return platformDefault();
    }

    static Path platformDefault() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Local")).resolve("Cutroom");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Cutroom");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("cutroom");
    }
}
