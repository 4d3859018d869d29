package io.cutroom.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The studio's side of the worker: hung work is abandoned, cancels reach the worker, kills are survived. */
class WorkerSupervisionTest {
    /** Sleeps for the given seconds without a word, as a decoder stuck in a loop would. */
    record Silent(int seconds) implements WorkerTask<Integer> {
        @Override
        public String subject() {
            return "stuck.mp4";
        }

        @Override
        public Integer run(JobContext ctx) throws Exception {
            Thread.sleep(seconds * 1000L);
            return seconds;
        }
    }

    /** Counts up, reporting each step, until cancelled; returns the worker's process id. */
    record Counting(int steps) implements WorkerTask<Long> {
        @Override
        public String subject() {
            return "long render";
        }

        @Override
        public Long run(JobContext ctx) throws Exception {
            for (int i = 0; i < steps; i++) {
                ctx.checkCancelled();
                ctx.progress(i, steps, "step " + i);
                Thread.sleep(50);
            }
            return ProcessHandle.current().pid();
        }
    }

    @Test
    void aWorkerThatGoesQuietIsAbandonedAndTheNextTaskGetsAFreshOne() throws Exception {
        assertThatThrownBy(() -> MediaWorkers.run(MediaWorkers.Kind.IMPORT, new Silent(600), JobContext.NONE, Duration.ofSeconds(3)))
                .isInstanceOfSatisfying(WorkerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkerException.Kind.HANG);
                    assertThat(e.getMessage()).contains("\"stuck.mp4\"").contains("stopped responding for 3 s");
                });
        assertThat(MediaWorkers.run(MediaWorkers.Kind.IMPORT, new Silent(0), JobContext.NONE, Duration.ofSeconds(30))).isZero();
    }

    @Test
    void progressCrossesTheProcessLineAndACancelStopsTheTaskButNotTheWorker() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        JobContext ctx = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                heard.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return heard.get() >= 5;
            }
        };
        assertThatThrownBy(() -> MediaWorkers.run(MediaWorkers.Kind.RENDER, new Counting(10_000), ctx, Duration.ofSeconds(30)))
                .isInstanceOf(JobCancelledException.class);
        long pid = MediaWorkers.run(MediaWorkers.Kind.RENDER, new Counting(3), JobContext.NONE, Duration.ofSeconds(30));
        assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(MediaWorkers.pids()).contains(pid);
    }

    @Test
    void aWorkerKilledFromOutsideMidTaskFailsThatTaskOnly() throws Exception {
        long pid = MediaWorkers.run(MediaWorkers.Kind.INFERENCE, new Counting(1), JobContext.NONE, Duration.ofSeconds(30));
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        });
        killer.start();
        assertThatThrownBy(() -> MediaWorkers.run(MediaWorkers.Kind.INFERENCE, new Counting(10_000), JobContext.NONE, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(WorkerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkerException.Kind.CRASH);
                    assertThat(e.getMessage()).contains("was killed (signal 9)").contains("\"long render\"");
                });
        killer.join();
        assertThat(MediaWorkers.run(MediaWorkers.Kind.INFERENCE, new Counting(1), JobContext.NONE, Duration.ofSeconds(30)))
                .isNotEqualTo(pid);
    }
}
