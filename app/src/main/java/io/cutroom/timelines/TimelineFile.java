package io.cutroom.timelines;

import io.cutroom.media.render.Grade;
import io.cutroom.media.render.GradePreview;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/** Writes a timeline file (or a LUT beside it) whole or not at all: into a hidden file beside it, renamed once it is complete. */
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

    /** Points along each axis of a grade's LUT: 33 is what Resolve and most editing apps write and read. */
    static final int LUT_POINTS = 33;

    /**
     * A grade as an Adobe/Resolve .cube LUT: the same 8-bit tables as Cutroom's render ({@link GradePreview}) at each
     * point of a 33-point cube, red changing fastest.
     */
    public static void writeLut(Grade grade, Path file) throws IOException {
        GradePreview preview = new GradePreview(grade);
        whole(file.toAbsolutePath(), out -> {
            StringBuilder text = new StringBuilder("TITLE \"Cutroom grade\"\nLUT_3D_SIZE " + LUT_POINTS + "\n");
            int[] rgb = new int[3];
            for (int b = 0; b < LUT_POINTS; b++) {
                for (int g = 0; g < LUT_POINTS; g++) {
                    for (int r = 0; r < LUT_POINTS; r++) {
                        rgb[0] = level(r);
                        rgb[1] = level(g);
                        rgb[2] = level(b);
                        preview.apply(rgb);
                        text.append(String.format(Locale.ROOT, "%.6f %.6f %.6f%n", rgb[0] / 255.0, rgb[1] / 255.0, rgb[2] / 255.0));
                    }
                }
            }
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        });
    }

    private static int level(int point) {
        return (int) Math.round(point * 255.0 / (LUT_POINTS - 1));
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
