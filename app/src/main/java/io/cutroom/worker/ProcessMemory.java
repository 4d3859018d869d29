package io.cutroom.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory figures as Linux keeps them in {@code /proc/PID/status}; 0 elsewhere or once it has ended. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** The field ({@code "VmRSS:"}, {@code "VmHWM:"}) of process {@code pid}, in KiB, or 0 when it cannot be read. */
    public static long kib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between the listing and the read, or this is not Linux
        }
        return 0;
    }
}
