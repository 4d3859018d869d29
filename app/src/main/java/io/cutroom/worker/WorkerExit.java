package io.cutroom.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Puts a worker's end into words, from its exit status and the crash report the JVM wrote, if any. */
final class WorkerExit {
    private static final int SIGNALLED = 128;
    private static final Pattern SIGNAL_LINE = Pattern.compile("^#\\s+(SIG[A-Z]+) \\(");
    private static final Pattern FRAME_LINE = Pattern.compile("^# [CJVv]\\s+\\[([^+\\]]+)");

    private WorkerExit() {
    }

    /**
     * @param crashReport the JVM's fatal error report for the process, when one was written; it names the
     *                    signal and the native library where the fault happened
     */
    static String describe(int exit, Path crashReport) {
        if (crashReport != null && Files.isRegularFile(crashReport)) {
            return fromReport(crashReport);
        }
        if (exit == -1) {
            return "stopped answering";
        }
        if (exit > SIGNALLED) {
            int signal = exit - SIGNALLED;
            return switch (signal) {
                case 9 -> "was killed (signal 9)";
                case 11 -> "crashed in native code (signal 11, segmentation fault)";
                case 6 -> "crashed in native code (signal 6, abort)";
                default -> "ended on signal " + signal;
            };
        }
        return exit == 3 ? "ran out of memory or hit an internal error" : "ended unexpectedly (exit " + exit + ")";
    }

    private static String fromReport(Path report) {
        String signal = "a fault";
        String library = null;
        try {
            List<String> head = Files.readAllLines(report).subList(0, 40);
            boolean frameNext = false;
            for (String line : head) {
                Matcher s = SIGNAL_LINE.matcher(line);
                if (s.find() && signal.equals("a fault")) {
                    signal = s.group(1);
                }
                if (frameNext) {
                    Matcher f = FRAME_LINE.matcher(line);
                    library = f.find() ? f.group(1) : null;
                    frameNext = false;
                }
                frameNext |= line.startsWith("# Problematic frame:");
            }
        } catch (IOException | IndexOutOfBoundsException e) {
            // a short or unreadable report still tells us the process crashed
        }
        return "crashed in native code (" + signal + (library == null ? "" : " in " + library) + ")";
    }
}
