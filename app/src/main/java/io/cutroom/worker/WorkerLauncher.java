package io.cutroom.worker;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Starts a media worker: the same Java runtime and class path as the studio, with a bounded heap, the
 * studio's own {@code cutroom.*} settings, and its output and any crash report kept in a log folder
 * under the temporary folder.
 */
final class WorkerLauncher {
    static final String CHILD_PROPERTY = "cutroom.worker.child";
    private static final String DEFAULT_HEAP = "3g";

    private final String name;
    private final Path logFolder;

    WorkerLauncher(String name) {
        this.name = name;
        // One log per worker, replaced at each start, and a report per native crash: a handful of files.
        this.logFolder = Path.of(System.getProperty("java.io.tmpdir"), "cutroom-worker-logs");
    }

    Path logFile() {
        return logFolder.resolve("worker-" + name + ".log");
    }

    /** Where the JVM writes its report if the worker with this process id dies of a native fault. */
    Path crashReport(long pid) {
        return logFolder.resolve("worker-crash-" + pid + ".log");
    }

    Process start(Path socket) throws IOException {
        Files.createDirectories(logFolder);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString());
        command.add("-Xmx" + System.getProperty("cutroom.worker.heap", DEFAULT_HEAP));
        command.add("-XX:+UseSerialGC"); // one task at a time: the small collector leaves the cores to FFmpeg and ND4J
        command.add("-XX:-CreateCoredumpOnCrash");
        command.add("-XX:ErrorFile=" + logFolder.resolve("worker-crash-%p.log"));
        command.add("-Djava.awt.headless=true");
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-Dcutroom.worker.name=" + name); // tells the workers apart in a process list
        for (String key : System.getProperties().stringPropertyNames()) {
            if ((key.startsWith("cutroom.") && !key.startsWith("cutroom.worker.")) || key.startsWith("org.slf4j.")
                    || key.startsWith("org.bytedeco.")) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        command.addAll(moduleOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkerMain.class.getName());
        command.add(socket.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        // FFmpeg and ND4J allocate from many threads; glibc's default of one arena per thread then keeps
        // freed memory spread over dozens of arenas, and resident memory only climbs.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.redirectErrorStream(true);
        builder.redirectOutput(logFile().toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        return builder.start();
    }

    /** The studio's {@code --add-opens} and similar flags, which the libraries in the worker need as well. */
    private static List<String> moduleOptions() {
        List<String> options = new ArrayList<>();
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-opens") || argument.startsWith("--add-exports")
                    || argument.startsWith("--enable-native-access")) {
                options.add(argument);
            }
        }
        return options;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
