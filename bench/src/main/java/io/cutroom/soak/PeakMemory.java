package io.cutroom.soak;

import io.cutroom.worker.MediaWorkers;
import io.cutroom.worker.ProcessMemory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches resident memory: this process's high-water mark as the kernel keeps it, and the largest a
 * media worker reached, sampled a few times a second (a worker's own mark ends with it). Linux only;
 * elsewhere the figures read 0.
 */
final class PeakMemory implements AutoCloseable {
    private final AtomicLong workerPeakKib = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    PeakMemory() {
        sampler = new Thread(() -> {
            while (running) {
                for (long pid : MediaWorkers.pids()) {
                    workerPeakKib.accumulateAndGet(ProcessMemory.kib(pid, "VmHWM:"), Math::max);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cutroom-soak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    long studioPeakMib() {
        return ProcessMemory.kib(ProcessHandle.current().pid(), "VmHWM:") / 1024;
    }

    long workerPeakMib() {
        return workerPeakKib.get() / 1024;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
