package io.cutroom.worker;

import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One media worker process, seen from the studio: started on first use, sent one task at a time, and
 * replaced after it crashes or hangs. A task that kills the process fails with a sentence naming its
 * subject; the next task gets a fresh process.
 */
final class MediaWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaWorker.class);
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);
    private static final Object GONE = new Object();

    private final WorkerLauncher launcher;
    private volatile Process process;
    private volatile long idleSinceNanos = System.nanoTime();
    private SocketChannel channel;
    private ObjectOutputStream out;
    private BlockingQueue<Object> replies;

    MediaWorker(WorkerLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Runs a task in the worker. {@code quietLimit} is how long the worker may go without a word (progress
     * or result) before it counts as hung; it is stopped then, and the task fails.
     */
    synchronized <R extends Serializable> R call(WorkerTask<R> task, JobContext ctx, Duration quietLimit)
            throws WorkerException {
        try {
            return exchange(task, ctx, quietLimit);
        } finally {
            idleSinceNanos = System.nanoTime();
        }
    }

    private <R extends Serializable> R exchange(WorkerTask<R> task, JobContext ctx, Duration quietLimit)
            throws WorkerException {
        ensureRunning();
        try {
            out.writeObject(new WorkerMessage.Run(task));
            out.reset();
            out.flush();
        } catch (IOException e) {
            throw processEnded(task);
        }
        long quietNanos = quietLimit.toNanos();
        long lastWord = System.nanoTime();
        long cancelSentAt = 0;
        while (true) {
            Object reply;
            try {
                reply = replies.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new JobCancelledException();
            }
            long now = System.nanoTime();
            if (reply == GONE) {
                if (ctx.isCancelled()) {
                    stop(); // a Ctrl+C on a terminal reaches the worker too: it went with the cancel
                    throw new JobCancelledException();
                }
                throw processEnded(task);
            }
            if (reply instanceof WorkerMessage.Progress p) {
                lastWord = now;
                ctx.progress(p.done(), p.total(), p.message());
            } else if (reply instanceof WorkerMessage.Done done) {
                @SuppressWarnings("unchecked")
                R result = (R) done.result();
                return result;
            } else if (reply instanceof WorkerMessage.Failed failed) {
                if (failed.kind() == WorkerException.Kind.CANCELLED) {
                    throw new JobCancelledException();
                }
                throw new WorkerException(failed.kind(), failed.message());
            }
            if (cancelSentAt == 0 && ctx.isCancelled()) {
                cancelSentAt = now;
                sendCancel();
            } else if (cancelSentAt != 0 && now - cancelSentAt > CANCEL_GRACE.toNanos()) {
                stop(); // it did not stop when asked; the process goes, and the cancel holds
                throw new JobCancelledException();
            }
            if (cancelSentAt == 0 && now - lastWord > quietNanos) {
                stop();
                throw new WorkerException(WorkerException.Kind.HANG, "work on \"" + task.subject()
                        + "\" stopped responding for " + quietLimit.toSeconds() + " s and was abandoned");
            }
        }
    }

    private void sendCancel() {
        try {
            out.writeObject(new WorkerMessage.Cancel());
            out.flush();
        } catch (IOException e) {
            LOG.debug("The worker was gone before the cancel reached it", e);
        }
    }

    private WorkerException processEnded(WorkerTask<?> task) {
        Process ended = process;
        if (ended == null) { // stopped from here, as the studio shuts down
            return new WorkerException(WorkerException.Kind.CRASH, "the media worker was stopped while handling \""
                    + task.subject() + "\"");
        }
        long pid = ended.pid();
        int exit = waitForExit(ended);
        String reason = WorkerExit.describe(exit, launcher.crashReport(pid));
        LOG.warn("The media worker ended ({}) while handling {}; its log: {}; crash report, if any: {}", reason,
                task.subject(), launcher.logFile(), launcher.crashReport(pid));
        stop();
        return new WorkerException(WorkerException.Kind.CRASH, "the media worker " + reason + " while handling \""
                + task.subject() + "\"; Cutroom set the file aside and starts a fresh worker for the next one");
    }

    private static int waitForExit(Process ended) {
        try {
            if (ended.waitFor(5, TimeUnit.SECONDS)) {
                return ended.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    private void ensureRunning() throws WorkerException {
        if (process != null && process.isAlive() && channel != null && channel.isOpen()) {
            return;
        }
        stop();
        Path socketDir = null;
        try {
            socketDir = Files.createTempDirectory("cutroom-worker");
            Path socket = socketDir.resolve("s");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                process = launcher.start(socket);
                channel = accept(server);
            }
            out = new ObjectOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
            out.flush();
            ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(ChannelStreams.in(channel)));
            replies = new LinkedBlockingQueue<>();
            startReader(in, replies);
        } catch (IOException e) {
            stop();
            throw new WorkerException(WorkerException.Kind.CRASH, "the media worker could not be started: " + e.getMessage());
        } finally {
            deleteQuietly(socketDir);
        }
    }

    /** Waits for the new process to connect, giving up if it dies first or takes too long. */
    private SocketChannel accept(ServerSocketChannel server) throws IOException {
        server.configureBlocking(false);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            SocketChannel accepted = server.accept();
            if (accepted != null) {
                accepted.configureBlocking(true);
                return accepted;
            }
            if (!process.isAlive()) {
                throw new IOException("it exited at once (" + WorkerExit.describe(process.exitValue(), null) + "); see "
                        + launcher.logFile());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while it started");
            }
        }
        throw new IOException("it did not connect within " + START_LIMIT.toSeconds() + " s");
    }

    private static void startReader(ObjectInputStream in, BlockingQueue<Object> replies) {
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    replies.add(in.readObject());
                }
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                replies.add(GONE);
            }
        }, "cutroom-worker-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static void deleteQuietly(Path socketDir) {
        if (socketDir == null) {
            return;
        }
        try {
            Files.deleteIfExists(socketDir.resolve("s"));
            Files.deleteIfExists(socketDir);
        } catch (IOException e) {
            LOG.debug("Could not remove {}", socketDir, e);
        }
    }

    /** Ends the process, if any; the next call starts a new one. */
    void stop() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing the worker socket", e);
            }
        }
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
            try {
                running.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channel = null;
        out = null;
        process = null;
    }

    /** Whether a process runs and has had nothing to do for at least {@code limit}. */
    boolean idleFor(Duration limit) {
        return pid() > 0 && System.nanoTime() - idleSinceNanos >= limit.toNanos();
    }

    /** The worker's process id, or -1 when none runs; for tests and the soak bench. */
    long pid() {
        Process running = process;
        return running != null && running.isAlive() ? running.pid() : -1;
    }

    @Override
    public void close() {
        stop();
    }
}
