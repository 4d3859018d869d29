package io.cutroom.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs Cutroom's command line as a separate process on the same runtime and class path, for kill tests. */
public final class ChildCli {
    private ChildCli() {
    }

    public static Process start(Path log, String... args) throws IOException {
        return startMain("io.cutroom.Main", log, args);
    }

    /** Another entry point on the same class path (tests start helper processes this way); output goes to {@code log}. */
    public static Process startMain(String mainClass, Path log, String... args) throws IOException {
        return startMain(Map.of(), List.of(), mainClass, log, args);
    }

    /** As {@link #startMain(String, Path, String...)}, with more environment and {@code -D} options for the child. */
    public static Process startMain(Map<String, String> env, List<String> options, String mainClass, Path log, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("cutroom.") || key.startsWith("org.slf4j.")) {
                command.add(2, "-D" + key + "=" + System.getProperty(key));
            }
        }
        command.addAll(1, options);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }
}
