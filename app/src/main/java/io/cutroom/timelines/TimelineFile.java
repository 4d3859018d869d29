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
        Path target = file.toAbsolutePath();
        if (Files.exists(target) && !overwrite) {
            throw new IllegalArgumentException(target.getFileName() + " already exists; add --overwrite to replace it.");
        }
        OutputFile.write(target, out -> format.write(timeline, out));
    }
}
