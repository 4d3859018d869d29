package io.cutroom.worker;

/**
 * Collects garbage in a media worker when its resident memory has grown by {@code thresholdMib} since the last
 * collection. ND4J frees an array's native memory only once the garbage collector finds the array unreachable,
 * and FFmpeg frames held by JavaCV objects are the same. The worker's Java heap stays small, so the old
 * generation, where arrays that outlive a batch end up, is rarely collected: a worker tagging the soak corpus
 * grew to 4.8 GB and stayed there, and repeated tagging stopped growing once each pass ended with a collection.
 * Resident size is read from {@code /proc}; where there is none (not Linux), the watch does nothing.
 */
final class NativeMemoryWatch implements AutoCloseable {
    static final long DEFAULT_THRESHOLD_MIB = 768;

    private final long thresholdKib;
    private final long intervalMs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int collections;

    NativeMemoryWatch(long thresholdMib, long intervalMs) {
        this.thresholdKib = thresholdMib * 1024;
        this.intervalMs = intervalMs;
        this.thread = new Thread(this::watch, "cutroom-native-memory-watch");
        thread.setDaemon(true);
    }

    /** Starts watching, unless resident size cannot be read here. */
    NativeMemoryWatch start() {
        if (residentKib() > 0) {
            thread.start();
        }
        return this;
    }

    int collections() {
        return collections;
    }

    private void watch() {
        long baseline = residentKib();
        while (running) {
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            }
            long resident = residentKib();
            if (resident > baseline + thresholdKib) {
                System.gc();
                collections++;
                // Freed memory mostly stays with the C allocator for reuse, so the resident size barely falls; what
                // the collection buys is that the next arrays reuse it instead of growing the process further.
                baseline = Math.max(residentKib(), resident - thresholdKib);
            } else if (resident < baseline) {
                baseline = resident;
            }
        }
    }

    /** This process's resident memory in KiB, or 0 where {@code /proc} does not say. */
    static long residentKib() {
        return ProcessMemory.kib(ProcessHandle.current().pid(), "VmRSS:");
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
