package io.cutroom.jobs;

/** What a running job sees of the world: where to report progress, and whether to stop. */
public interface JobContext {
    /** For work run directly, with no one watching and no way to cancel. */
    JobContext NONE = new JobContext() {
        @Override
        public void progress(long done, long total, String message) {
            // nobody listens
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void progress(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link JobCancelledException} when the user asked the job to stop; call between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }
}
