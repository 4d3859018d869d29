package io.cutroom.worker;

import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Where native-heavy work runs. By default in worker processes, one per concurrent task of a kind, kept
 * warm between tasks (networks stay loaded) and replaced when one dies. Inside a worker, and when
 * {@code -Dcutroom.worker=inline} asks for it (benches that time the raw work), tasks run in this process.
 */
public final class MediaWorkers {
    /** The sorts of work, each with its own warm workers, so a render never waits behind a tagging run. */
    public enum Kind {
        IMPORT, INFERENCE, RENDER,
        /** Single pictures the studio shows; its own worker, so a preview never waits behind an import. */
        PREVIEW
    }

    /** A worker with nothing to do this long gives its memory back (the inference one holds gigabytes). */
    private static final Duration IDLE_LIMIT = Duration.ofMinutes(5);
    private static final Map<Kind, Deque<MediaWorker>> IDLE = new EnumMap<>(Kind.class);
    private static final List<MediaWorker> ALL = new ArrayList<>();
    private static boolean hookInstalled;

    private MediaWorkers() {
    }

    /** True when tasks go to a separate process. */
    public static boolean isolated() {
        return !Boolean.getBoolean(WorkerLauncher.CHILD_PROPERTY)
                && !"inline".equals(System.getProperty("cutroom.worker"));
    }

    /**
     * Runs a task and returns its result, or throws a {@link WorkerException} whose message says what
     * went wrong with the subject. A cancelled task throws {@link JobCancelledException}.
     */
    public static <R extends Serializable> R run(Kind kind, WorkerTask<R> task, JobContext ctx, Duration quietLimit)
            throws WorkerException {
        if (!isolated()) {
            return runHere(task, ctx);
        }
        MediaWorker worker = borrow(kind);
        try {
            return worker.call(task, ctx, quietLimit);
        } finally {
            giveBack(kind, worker);
        }
    }

    /**
     * How long work on a clip may go without a word: analysis runs faster than real time, so a quiet
     * spell of two minutes plus the clip's length means the decoder or a network is stuck.
     */
    public static Duration quietLimitFor(Double clipSeconds) {
        return Duration.ofSeconds(120 + (clipSeconds == null ? 0 : clipSeconds.longValue()));
    }

    private static <R extends Serializable> R runHere(WorkerTask<R> task, JobContext ctx) throws WorkerException {
        try {
            return task.run(ctx);
        } catch (JobCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkerException(WorkerException.kindOf(e), WorkerException.messageOf(e));
        }
    }

    private static synchronized MediaWorker borrow(Kind kind) {
        MediaWorker idle = IDLE.computeIfAbsent(kind, k -> new ConcurrentLinkedDeque<>()).pollFirst();
        if (idle != null) {
            return idle;
        }
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(MediaWorkers::stopAll, "cutroom-worker-stop"));
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "cutroom-worker-idle");
                thread.setDaemon(true);
                return thread;
            }).scheduleWithFixedDelay(MediaWorkers::stopIdle, 1, 1, TimeUnit.MINUTES);
            hookInstalled = true;
        }
        MediaWorker fresh = new MediaWorker(new WorkerLauncher(kind.name().toLowerCase(Locale.ROOT) + "-" + (ALL.size() + 1)));
        ALL.add(fresh);
        return fresh;
    }

    private static synchronized void giveBack(Kind kind, MediaWorker worker) {
        IDLE.get(kind).addFirst(worker);
    }

    /** Process ids of the running workers; the soak bench kills these to test recovery. */
    public static synchronized List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (MediaWorker worker : ALL) {
            long pid = worker.pid();
            if (pid > 0) {
                pids.add(pid);
            }
        }
        return pids;
    }

    /** Ends the processes of workers waiting for work longer than the idle limit; they start again when needed. */
    private static synchronized void stopIdle() {
        for (Deque<MediaWorker> waiting : IDLE.values()) {
            for (MediaWorker worker : waiting) {
                if (worker.idleFor(IDLE_LIMIT)) {
                    worker.stop();
                }
            }
        }
    }

    /** Ends every worker process; they start again on the next task. */
    public static void stopAll() {
        List<MediaWorker> all;
        synchronized (MediaWorkers.class) {
            all = new ArrayList<>(ALL);
        }
        all.forEach(MediaWorker::stop);
    }
}
