package io.cutroom.timelines;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a timeline file whole or not at all: into a hidden file beside it, renamed once it is complete. */
public final class TimelineFile {
    private TimelineFile() {
    }

    public static void write(Timeline timeline, TimelineFormat format, Path file, boolean overwrite) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target) && !overwrite) {
            throw new IllegalArgumentException(target.getFileName() + " already exists; add --overwrite to replace it.");
        }
        whole(target, out -> format.write(timeline, out));
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static void whole(Path target, Writing writing) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Readable by the other editors and apps of a studio, as any file an editing app writes: not a temp file's 0600.
        Path part = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                writing.to(out);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
