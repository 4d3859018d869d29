package io.cutroom.ingest;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the demo media that ships with Cutroom: beside the jar in an installed app ({@code demo/}),
 * or in the repository's {@code assets/demo/} when run from a checkout. {@code -Dcutroom.demo} overrides.
 */
public final class DemoMedia {
    public static final String PROPERTY = "cutroom.demo";

    private DemoMedia() {
    }

    public static Optional<Path> folder() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        codeLocation().ifPresent(dir -> {
            candidates.add(dir.resolve("demo"));
            candidates.add(dir.resolve("../../assets/demo"));
            candidates.add(dir.resolve("../../../assets/demo"));
        });
        candidates.add(Path.of("assets/demo"));
        return candidates.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).findFirst();
    }

    /** The folder holding cutroom.jar, or the classes folder when run from a build tree. */
    private static Optional<Path> codeLocation() {
        try {
            var source = DemoMedia.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(location) ? location : location.getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
