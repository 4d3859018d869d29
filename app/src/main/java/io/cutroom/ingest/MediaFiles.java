package io.cutroom.ingest;

import io.cutroom.media.MediaKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands what the user picked into the files to import. A file named directly is always tried; inside
 * a folder, only names that look like media are taken, so sidecar files and notes do not turn into errors.
 */
public final class MediaFiles {
    private MediaFiles() {
    }

    /** A path the user gave that could not be expanded, with the reason. */
    public record Unreadable(Path path, String reason) {
    }

    public record Expansion(List<Path> files, List<Unreadable> unreadable) {
    }

    public static Expansion expand(List<Path> picked) {
        Set<Path> files = new LinkedHashSet<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path path : picked) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.isDirectory(absolute)) {
                try {
                    files.addAll(walk(absolute));
                } catch (IOException | UncheckedIOException e) {
                    unreadable.add(new Unreadable(absolute, "the folder could not be read: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(absolute)) {
                files.add(absolute);
            } else if (Files.exists(absolute)) {
                unreadable.add(new Unreadable(absolute, "not a regular file or folder"));
            } else {
                unreadable.add(new Unreadable(absolute, "no such file or folder"));
            }
        }
        return new Expansion(List.copyOf(files), unreadable);
    }

    private static List<Path> walk(Path folder) throws IOException {
        try (Stream<Path> stream = Files.walk(folder)) {
            return stream.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> MediaKind.guessFromName(p.getFileName().toString()).isPresent())
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }
}
