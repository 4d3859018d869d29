package io.cutroom.timelines;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a timeline file whole or not at all: into a hidden file beside it, renamed once it is complete. */
public final class TimelineFile {
    private TimelineFile() {
    }

    public static void write(Timeline timeline, TimelineFormat format, Path file, boolean overwrite) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target) && !overwrite) {
            throw new IllegalArgumentException(target.getFileName() + " already exists; add --overwrite to replace it.");
        }
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                format.write(timeline, out);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
