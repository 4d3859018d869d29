package io.cutroom.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J arrays that outlive a few young collections and are then dropped keep their native memory until a full
 * collection. A process that makes such garbage grows without bound unless the watch collects; with it the
 * growth stays near the threshold. Each case runs in its own JVM, so the resident sizes are its alone.
 */
class NativeMemoryWatchTest {
    private static final int ARRAYS = 24;
    private static final long ARRAY_MIB = 64;

    @Test
    void collectingWhenResidentMemoryGrowsBoundsNativeGarbage() throws Exception {
        assumeTrue(NativeMemoryWatch.residentKib() > 0, "resident memory is read from /proc (Linux)");
        long[] unwatched = runChild(false);
        long[] watched = runChild(true);
        assertThat(unwatched[0]).as("growth without the watch, MiB: the garbage piles up").isGreaterThan(ARRAYS * ARRAY_MIB * 2 / 3);
        assertThat(unwatched[1]).as("collections without the watch").isZero();
        assertThat(watched[0]).as("growth with a 256 MiB watch, MiB").isLessThan(256 + 4 * ARRAY_MIB);
        assertThat(watched[1]).as("collections the watch made").isPositive();
    }

    /** Runs {@link #main} in a fresh JVM: {growth in MiB, collections}. */
    private static long[] runChild(boolean watch) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xmn16m", "-XX:+UseSerialGC", "-XX:MaxTenuringThreshold=0",
                "-cp", System.getProperty("java.class.path"), NativeMemoryWatchTest.class.getName(), Boolean.toString(watch))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        String last = output.lines().filter(l -> l.startsWith("growth ")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(output));
        String[] parts = last.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    /** The child: makes arrays that get promoted to the old generation, then drops them. */
    public static void main(String[] args) throws Exception {
        boolean watch = Boolean.parseBoolean(args[0]);
        Nd4j.create(DataType.FLOAT, 1).addi(1); // loads the native libraries before the baseline
        long base = NativeMemoryWatch.residentKib();
        long peak = base;
        NativeMemoryWatch watcher = watch ? new NativeMemoryWatch(256, 20).start() : null;
        List<byte[]> churn = new java.util.ArrayList<>();
        for (int i = 0; i < ARRAYS; i++) {
            INDArray held = Nd4j.createUninitialized(DataType.FLOAT, ARRAY_MIB << 18).assign(1f); // touches every page
            for (int k = 0; k < 48; k++) { // young collections while the array is held promote it
                churn.add(new byte[1 << 20]);
                if (churn.size() > 4) {
                    churn.remove(0);
                }
            }
            held.addi(1);
            held = null;
            Thread.sleep(60);
            peak = Math.max(peak, NativeMemoryWatch.residentKib());
        }
        System.out.println("growth " + (peak - base) / 1024 + " " + (watcher == null ? 0 : watcher.collections()));
        if (watcher != null) {
            watcher.close();
        }
    }
}
