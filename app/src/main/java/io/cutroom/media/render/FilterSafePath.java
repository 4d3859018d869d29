package io.cutroom.media.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A path FFmpeg's filter syntax can carry. A filter graph is parsed twice (the graph, then each option), and
 * each level gives quotes, backslashes, colons, commas, semicolons and brackets their own meaning, so a LUT
 * called {@code look 'q';x:y.cube} broke the grade. Rather than stack escapes, a file whose path holds any
 * such character is read through a copy under a plain temporary name; plain paths are used as they are.
 */
final class FilterSafePath {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/._+-]+");
    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private FilterSafePath() {
    }

    static String of(String path) {
        if (PLAIN.matcher(path).matches()) {
            return path;
        }
        Path source = Path.of(path);
        Path copy = COPIES.computeIfAbsent(path + "|" + lastModified(source), key -> copyOf(source));
        return copy.toString();
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1; // FFmpeg will then say the file cannot be read
        }
    }

    private static Path copyOf(Path source) {
        try {
            String name = source.getFileName().toString();
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')).replaceAll("[^A-Za-z0-9.]", "") : "";
            Path copy = Files.createTempFile("cutroom-filter-", extension);
            copy.toFile().deleteOnExit();
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            if (!PLAIN.matcher(copy.toString()).matches()) {
                throw new IOException("the temporary folder's path (" + copy.getParent() + ") has characters FFmpeg filters cannot take");
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("The LUT " + source.getFileName() + " could not be prepared for FFmpeg: "
                    + e.getMessage(), e);
        }
    }
}
