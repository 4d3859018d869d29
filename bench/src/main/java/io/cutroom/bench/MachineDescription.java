package io.cutroom.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The machine a benchmark ran on, printed with its figures. */
public final class MachineDescription {
    private MachineDescription() {
    }

    public static String describe() {
        long memoryGib = Math.round(totalMemoryBytes() / (1024.0 * 1024 * 1024));
        return String.format("%s, %d cores, %s GiB RAM, %s %s, Java %s", cpuModel(),
                Runtime.getRuntime().availableProcessors(), memoryGib > 0 ? memoryGib : "?",
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
            } catch (IOException e) {
                return "unknown CPU";
            }
        }
        return "unknown CPU";
    }

    private static long totalMemoryBytes() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return 0;
    }
}
