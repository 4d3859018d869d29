package io.cutroom.jobs;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on named, bounded lanes, so that a long render cannot starve imports and two networks never
 * compete for the same cores. {@link #sameThread()} runs each job at once on the caller's thread, for
 * tests and the CLI.
 */
public final class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    /** Where a job runs. Inference is one thread: the network already uses every core for one frame. */
    public enum Lane {
        IMPORT(1), INFERENCE(1), RENDER(2);

        private final int threads;

        Lane(int threads) {
            this.threads = threads;
        }
    }

    private final Map<Lane, ExecutorService> executors;

    private JobRunner(Map<Lane, ExecutorService> executors) {
        this.executors = executors;
    }

    public static JobRunner background() {
        Map<Lane, ExecutorService> executors = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            executors.put(lane, Executors.newFixedThreadPool(lane.threads, daemonThreads("cutroom-" + lane.name().toLowerCase())));
        }
        return new JobRunner(executors);
    }

    public static JobRunner sameThread() {
        return new JobRunner(null);
    }

    public <T> JobHandle<T> submit(Lane lane, Job<T> job, JobListener listener) {
        JobHandle<T> handle = new JobHandle<>(job.title());
        Runnable work = () -> execute(job, handle, listener);
        if (executors == null) {
            work.run();
        } else {
            executors.get(lane).execute(work);
        }
        return handle;
    }

    private static <T> void execute(Job<T> job, JobHandle<T> handle, JobListener listener) {
        if (handle.isCancelRequested()) {
            handle.fail(new JobCancelledException());
            return;
        }
        handle.running();
        JobContext ctx = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                JobProgress progress = new JobProgress(done, total, message);
                handle.progress(progress);
                listener.onProgress(progress);
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelRequested();
            }
        };
        try {
            handle.succeed(job.run(ctx));
        } catch (JobCancelledException e) {
            handle.fail(e);
        } catch (Exception | Error e) {
            LOG.debug("Job {} failed", job.title(), e); // reported by whoever waits on the result
            handle.fail(e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        if (executors == null) {
            return;
        }
        executors.values().forEach(ExecutorService::shutdownNow);
        for (ExecutorService executor : executors.values()) {
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
