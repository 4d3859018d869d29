package io.cutroom.worker;

import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The media worker process: connects back to the studio's socket, runs one task at a time, and reports
 * progress and the outcome. It keeps nothing of the catalog; when the studio goes away, so does it.
 */
public final class WorkerMain {
    private final ObjectOutputStream out;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /**
     * One long-lived thread runs every task: the networks keep per-thread sessions and workspaces, so a
     * new thread per task would leave a full set of them behind each time.
     */
    private final ExecutorService tasks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "cutroom-worker-task");
        thread.setDaemon(true);
        return thread;
    });

    private WorkerMain(ObjectOutputStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setOut(System.err); // the socket carries the conversation; stray prints go to the log
        new NativeMemoryWatch(NativeMemoryWatch.DEFAULT_THRESHOLD_MIB, 1000).start(); // lives as long as the worker
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
        ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
        out.flush();
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(ChannelStreams.in(channel)));
        new WorkerMain(out).serve(in);
    }

    private void serve(ObjectInputStream in) throws IOException, ClassNotFoundException {
        while (true) {
            Object message;
            try {
                message = in.readObject();
            } catch (EOFException | ClosedChannelException studioGone) {
                System.exit(0);
                return;
            }
            if (message instanceof WorkerMessage.Run run) {
                cancelled.set(false);
                tasks.execute(() -> execute(run.task()));
            } else if (message instanceof WorkerMessage.Cancel) {
                cancelled.set(true);
            }
        }
    }

    private void execute(WorkerTask<?> task) {
        JobContext ctx = new JobContext() {
            @Override
            public void progress(long done, long total, String message) {
                send(new WorkerMessage.Progress(done, total, message));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        try {
            Serializable result = task.run(ctx);
            send(new WorkerMessage.Done(result));
        } catch (JobCancelledException e) {
            send(new WorkerMessage.Failed(WorkerException.Kind.CANCELLED, e.getMessage()));
        } catch (Exception e) {
            LoggerFactory.getLogger(WorkerMain.class).warn("Task on {} failed", task.subject(), e);
            send(new WorkerMessage.Failed(WorkerException.kindOf(e), WorkerException.messageOf(e)));
        } catch (Error e) {
            // After an Error (out of memory, a broken library) this process is not to be trusted again.
            send(new WorkerMessage.Failed(WorkerException.Kind.OTHER, WorkerException.messageOf(e)));
            System.exit(3);
        }
    }

    private synchronized void send(WorkerMessage message) {
        try {
            out.writeObject(message);
            out.reset(); // each message stands alone; no back-references to objects the studio may not keep
            out.flush();
        } catch (IOException studioGone) {
            System.exit(0);
        }
    }
}
