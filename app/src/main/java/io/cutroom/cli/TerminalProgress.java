package io.cutroom.cli;

import io.cutroom.jobs.JobListener;
import io.cutroom.jobs.JobProgress;
import java.io.PrintWriter;

/**
 * A one-line progress bar on the terminal, redrawn in place. Silent when output is not a terminal, so
 * scripts that read the CLI's lines never see it.
 */
final class TerminalProgress implements JobListener {
    private static final int BAR = 28;
    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;

    TerminalProgress(PrintWriter err) {
        this.err = err;
        this.enabled = System.console() != null;
    }

    @Override
    public synchronized void onProgress(JobProgress p) {
        long now = System.nanoTime();
        boolean last = p.total() > 0 && p.done() >= p.total();
        if (!enabled || (!last && now - lastDraw < 100_000_000L)) {
            return;
        }
        lastDraw = now;
        double fraction = Math.max(0, p.fraction());
        int filled = (int) Math.round(fraction * BAR);
        String message = p.message() == null ? "" : p.message();
        if (message.length() > 40) {
            message = message.substring(0, 39) + "…";
        }
        err.printf("\r[%s%s] %3d%% %d/%d %-40s", "#".repeat(filled), " ".repeat(BAR - filled),
                Math.round(fraction * 100), p.done(), p.total(), message);
        err.flush();
    }

    /** Clears the bar before a result line is printed over it. */
    synchronized void clear() {
        if (enabled) {
            err.print("\r" + " ".repeat(BAR + 60) + "\r");
            err.flush();
        }
    }
}
