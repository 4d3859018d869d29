package io.cutroom.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * A file the user asked for (a corrected still, an exported LUT): written under a hidden name beside the target
 * and renamed into place only when complete, so a failed write never leaves a half file under the name asked
 * for. When writing fails, the exception carries a sentence a user can act on; a full disk is named as such,
 * since libraries report it in their own words ("I/O error writing PNG file!") or as error -28.
 */
public final class OutputFile {
    /** Below this many free bytes, a write that failed is taken to have failed for want of space. */
    private static final long NEARLY_FULL_BYTES = 1 << 20;

    /** Writes the whole file to the stream it is given; the stream is flushed and closed for it. */
    public interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    /** Writes {@code target} by way of a hidden partial file; an {@link IOException} says what went wrong. */
    public static void write(Path target, Writing writing) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".cutroom-partial");
            if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // A file replaced keeps its permissions; a new one is readable by other apps and people, as any app's
                // output is: not a temp file's 0600.
                Files.setPosixFilePermissions(temp, Files.exists(absolute) ? Files.getPosixFilePermissions(absolute)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            // This stream is closed here whatever the writers wrapped around it do: a Writer whose last flush fails
            // on a full disk does not close what it wraps, and the deleted partial file then kept its space.
            try (OutputStream out = Files.newOutputStream(temp)) {
                writing.to(out);
                out.flush();
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new IOException(failure(absolute, e), e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The sentence for a failed write of {@code target}. */
    public static String failure(Path target, Exception e) {
        Path folder = target.toAbsolutePath().getParent();
        if (isDiskFull(folder, e)) {
            return noSpace(folder);
        }
        if (e instanceof AccessDeniedException) {
            return "Cutroom may not write to " + folder + " (permission denied); nothing was written.";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return target + " could not be written: " + message;
    }

    /** The one wording for a write that a full disk refused, for every file Cutroom writes. */
    public static String noSpace(Path folder) {
        return "There is no space left on the disk for " + folder + "; nothing was written.";
    }

    /** True when {@code e} says the disk is full, or the disk under {@code folder} has next to no space left. */
    public static boolean isDiskFull(Path folder, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left") || message.contains("disk is full") || message.contains("error -28")) {
                return true;
            }
        }
        try {
            return folder != null && Files.getFileStore(existing(folder)).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }

    private static Path existing(Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? folder : p;
    }
}
