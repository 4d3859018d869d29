package io.cutroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
    @Test
    void cancelStopsAtTheNextCheckAndKeepsFinishedWork() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Job<Integer> job = new Job<>() {
            @Override
            public String title() {
                return "count";
            }

            @Override
            public Integer run(JobContext ctx) throws Exception {
                for (int i = 0; i < 100; i++) {
                    ctx.checkCancelled();
                    ctx.progress(i, 100, "item " + i);
                    done.add(i);
                    if (i == 1) {
                        secondStarted.countDown();
                        cancelled.await(5, TimeUnit.SECONDS);
                    }
                }
                return done.size();
            }
        };
        try (JobRunner runner = JobRunner.background()) {
            JobHandle<Integer> handle = runner.submit(JobRunner.Lane.IMPORT, job, JobListener.NONE);
            assertThat(secondStarted.await(5, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            cancelled.countDown();
            assertThatThrownBy(() -> handle.result().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(JobCancelledException.class);
            assertThat(handle.state()).isEqualTo(JobHandle.State.CANCELLED);
            assertThat(done).containsExactly(0, 1);
            assertThat(handle.progress().message()).isEqualTo("item 1");
        }
    }

    @Test
    void sameThreadRunnerFinishesBeforeSubmitReturns() {
        List<JobProgress> seen = new CopyOnWriteArrayList<>();
        Job<String> quick = job("quick", ctx -> {
            ctx.progress(1, 1, "done");
            return "result";
        });
        JobHandle<String> handle = JobRunner.sameThread().submit(JobRunner.Lane.RENDER, quick, seen::add);
        assertThat(handle.result()).isCompletedWithValue("result");
        assertThat(handle.state()).isEqualTo(JobHandle.State.SUCCEEDED);
        assertThat(seen).containsExactly(new JobProgress(1, 1, "done"));
    }

    @Test
    void aFailingJobReportsItsErrorWithoutKillingTheLane() throws Exception {
        try (JobRunner runner = JobRunner.background()) {
            JobHandle<Object> failing = runner.submit(JobRunner.Lane.IMPORT, job("fails", ctx -> {
                throw new IllegalStateException("The disk is full.");
            }), JobListener.NONE);
            assertThatThrownBy(() -> failing.result().get(5, TimeUnit.SECONDS)).hasRootCauseMessage("The disk is full.");
            assertThat(failing.state()).isEqualTo(JobHandle.State.FAILED);
            JobHandle<String> next = runner.submit(JobRunner.Lane.IMPORT, job("next", ctx -> "ok"), JobListener.NONE);
            assertThat(next.result().get(5, TimeUnit.SECONDS)).isEqualTo("ok");
        }
    }

    private static <T> Job<T> job(String title, java.util.function.Function<JobContext, T> work) {
        return new Job<>() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public T run(JobContext ctx) {
                return work.apply(ctx);
            }
        };
    }
}
