package io.cutroom.timelines;

import io.cutroom.media.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a timeline file whole or not at all ({@link OutputFile}: a hidden file beside it, renamed when complete). */
public final class TimelineFile {
    private TimelineFile() {
    }

    public static void write(Timeline timeline, TimelineFormat format, Path file, boolean overwrite) throws IOException {
        refuseToReplace(file, overwrite);
        OutputFile.write(file.toAbsolutePath(), out -> format.write(timeline, out));
    }

    /** Refuses, with a sentence, to write over a file that is there unless the editor said to. */
    public static void refuseToReplace(Path file, boolean overwrite) {
        if (!overwrite && Files.exists(file)) {
            throw new IllegalArgumentException(file.getFileName() + " already exists; add --overwrite to replace it.");
        }
    }
}
