package io.cutroom.cli;

import io.cutroom.jobs.JobContext;
import io.cutroom.jobs.JobProgress;
import java.io.PrintWriter;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The context a long command runs its work in: progress drawn as a bar on the terminal (none when piped),
 * and the first Ctrl+C turned into a cancel. The work stops at its next check, as a cancelled job does in
 * the studio: the journal says cancelled, and a render removes its partial file. The JVM is not shut down
 * by that Ctrl+C, so the catalog and the media worker close as after any other end. A second Ctrl+C stops
 * the process at once.
 */
final class CommandContext implements JobContext, AutoCloseable {
    private static final Signal INTERRUPT = new Signal("INT");
    private final TerminalProgress bar;
    private final SignalHandler before;
    private volatile boolean cancelled;

    private CommandContext(PrintWriter err) {
        this.bar = new TerminalProgress(err);
        SignalHandler[] previous = new SignalHandler[1];
        previous[0] = Signal.handle(INTERRUPT, signal -> {
            if (cancelled) {
                previous[0].handle(signal); // asked twice: stop now
            } else {
                cancelled = true;
            }
        });
        this.before = previous[0];
    }

    static CommandContext open(PrintWriter err) {
        return new CommandContext(err);
    }

    @Override
    public void progress(long done, long total, String message) {
        bar.onProgress(new JobProgress(done, total, message));
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Clears the bar before a result line is printed over it. */
    void clearBar() {
        bar.clear();
    }

    @Override
    public void close() {
        bar.clear();
        Signal.handle(INTERRUPT, before);
    }
}
