package io.cutroom.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Cutroom's command line as a separate process on the same runtime and class path, for kill tests. */
public final class ChildCli {
    private ChildCli() {
    }

    public static Process start(Path log, String... args) throws IOException {
        return startMain("io.cutroom.Main", log, args);
    }

    /** Another entry point on the same class path (tests start helper processes this way); output goes to {@code log}. */
    public static Process startMain(String mainClass, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("cutroom.") || key.startsWith("org.slf4j.")) {
                command.add(2, "-D" + key + "=" + System.getProperty(key));
            }
        }
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
