package io.cutroom.jobs;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** What a running job sees of the world: where to report progress, and whether to stop. */
public interface JobContext {
    /** For work run directly, with no one watching and no way to cancel. */
    JobContext NONE = cancelledWhen(() -> false);

    /** A context nobody watches, cancelled as soon as {@code stop} says so; for tests, benches and scripts. */
    static JobContext cancelledWhen(BooleanSupplier stop) {
        return new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                // nobody listens
            }

            @Override
            public boolean isCancelled() {
                return stop.getAsBoolean();
            }
        };
    }

    /** A context that asks to stop once {@code limit} units are done; for benches and tests. */
    static JobContext stopAfter(long limit) {
        AtomicLong done = new AtomicLong();
        return new JobContext() {
            @Override
            public void progress(long d, long total, String message) {
                done.set(d);
            }

            @Override
            public boolean isCancelled() {
                return done.get() >= limit;
            }
        };
    }

    void progress(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link JobCancelledException} when the user asked the job to stop; call between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }
}
