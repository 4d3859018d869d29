package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.QueuedWorkRepository.QueuedWork;
import io.cutroom.catalog.QueuedWorkRepository.State;
import io.cutroom.cluster.WorkQueue;
import io.cutroom.ingest.MediaFiles;
import io.cutroom.usecases.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom queue import PATH... | tag ID...|--all [--wait] | colour ID... | reframe ID... --aspect W:H | show BATCH [--json] |
 * cancel BATCH | retry BATCH}: work for the studio's nodes ({@code cutroom node}), seen and cancelled from any workstation. Renders
 * are queued with {@code cutroom render ... --queue}.
 */
@Command(name = "queue", description = "Queue imports, tagging, auto colour and reframing for the studio's worker nodes; see and cancel queued work.",
        subcommands = {QueueCommand.Import.class, QueueCommand.Tag.class, QueueCommand.Colour.class, QueueCommand.Reframe.class, QueueCommand.Show.class,
                QueueCommand.Cancel.class, QueueCommand.Retry.class})
final class QueueCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "tag", description = "Queue tagging of assets for whichever nodes take it; prints the batch's id.")
    static final class Tag implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "Asset ids.")
        List<Long> ids = new ArrayList<>();

        @Option(names = "--all", description = "Every ready video and still not tagged yet.")
        boolean all;

        @Option(names = "--wait", description = "Wait until every piece is done, printing progress.")
        boolean await;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (ids.isEmpty() && !all) throw new ParameterException(spec.commandLine(), "Name asset ids, or use --all.");
            PrintWriter out = spec.commandLine().getOut();
            try (CatalogDb db = catalog.open(); WorkQueue queue = new WorkQueue(db)) {
                List<Long> assets = new ArrayList<>(ids);
                if (all) new Workspace(db).taggable(false).stream().map(Asset::id).forEach(assets::add);
                if (!CatalogOptions.allFound(db, ids, spec.commandLine().getErr())) return CutroomCli.EXIT_ERROR;
                String batch = queue.tag(assets);
                out.println("queued " + assets.size() + " for tagging as batch " + batch);
                out.flush();
                if (!await) return 0;
                WorkQueue.Batch now = queue.batch(batch);
                while (!now.finished()) {
                    Thread.sleep(1000);
                    now = queue.batch(batch);
                    out.println(summary(now));
                    out.flush();
                }
                return now.count(State.FAILED) == 0 ? 0 : CutroomCli.EXIT_SOME_FAILED;
            }
        }
    }

    @Command(name = "import", description = "Queue the import of files and folders on the shared media, as this machine sees them.")
    static final class Import implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders (searched for media).")
        List<Path> paths = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            MediaFiles.Expansion found = MediaFiles.expand(paths);
            for (MediaFiles.Unreadable u : found.unreadable()) {
                spec.commandLine().getErr().println("cutroom: " + Format.printable(u.path().toString()) + ": " + u.reason());
            }
            List<Path> files = new ArrayList<>();
            for (Path f : found.files()) {
                try {
                    files.add(f.toRealPath());
                } catch (IOException e) {
                    spec.commandLine().getErr().println("cutroom: " + Format.printable(f.toString()) + ": the file could not be read.");
                }
            }
            if (files.isEmpty()) return CutroomCli.EXIT_ERROR;
            try (CatalogDb db = catalog.open(); WorkQueue queue = new WorkQueue(db)) {
                spec.commandLine().getOut().println("queued " + files.size() + " for import as batch " + queue.importFiles(files));
            }
            return 0;
        }
    }

    @Command(name = "colour", aliases = "color", description = "Queue auto colour (white balance and exposure per shot) of assets.")
    static final class Colour implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Asset ids.")
        List<Long> ids = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (CatalogDb db = catalog.open(); WorkQueue queue = new WorkQueue(db)) {
                if (!CatalogOptions.allFound(db, ids, spec.commandLine().getErr())) return CutroomCli.EXIT_ERROR;
                spec.commandLine().getOut().println("queued " + ids.size() + " for auto colour as batch " + queue.colour(ids));
            }
            return 0;
        }
    }

    @Command(name = "reframe", description = "Queue reframing of clips for a shape; the crop tracks are stored as cutroom reframe stores them.")
    static final class Reframe implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Mixin
        ReframeOptions options;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Asset ids.")
        List<Long> ids = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            options.aspectRatio(); // a shape that does not parse is said here, not on a node later
            options.motionStyle();
            options.signalWeights();
            options.widening();
            try (CatalogDb db = catalog.open(); WorkQueue queue = new WorkQueue(db)) {
                if (!CatalogOptions.allFound(db, ids, spec.commandLine().getErr())) return CutroomCli.EXIT_ERROR;
                spec.commandLine().getOut().println("queued " + ids.size() + " for reframing to " + options.aspect + " as batch "
                        + queue.reframe(ids, options.aspect, options.style, options.weights, options.widen, options.fill));
            }
            return 0;
        }
    }

    @Command(name = "show", description = "A batch's pieces: state, node, attempts, progress and message.")
    static final class Show implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Parameters(index = "0", paramLabel = "BATCH")
        String batch;

        @Option(names = "--json", description = "Print {batch, pieces: [{id, assetId, state, node, attempts, done, total, message}]}.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CatalogDb db = catalog.open(); WorkQueue queue = new WorkQueue(db)) {
                WorkQueue.Batch b = queue.batch(batch);
                if (b.pieces().isEmpty()) {
                    spec.commandLine().getErr().println("cutroom: there is no queued batch " + Format.printable(batch) + ".");
                    return CutroomCli.EXIT_ERROR;
                }
                if (json) {
                    Map<String, Object> top = new LinkedHashMap<>();
                    top.put("batch", batch);
                    top.put("pieces", b.pieces().stream().map(QueueCommand::toJson).toList());
                    out.println(Json.write(top));
                    return 0;
                }
                out.println(summary(b));
                for (QueuedWork w : b.pieces()) {
                    out.printf(Locale.ROOT, "%6d  %-7s asset %-6s %-9s %-24s %d  %s%n", w.id(), w.kind(),
                            w.assetId() == null ? "-" : w.assetId().toString(), w.state().id(),
                            w.node() == null ? "-" : Format.printable(w.node()), w.attempts(),
                            w.message() == null ? "" : Format.printable(w.message()));
                }
            }
            return 0;
        }
    }

    /** A command that acts on one batch of the queue and prints one line saying what it did. */
    abstract static class BatchAction implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Parameters(index = "0", paramLabel = "BATCH")
        String batch;

        @Spec
        CommandSpec spec;

        /** Does the action and says what it did, the batch named as {@code shown}. */
        abstract String act(WorkQueue queue, String shown);

        @Override
        public Integer call() {
            try (CatalogDb db = catalog.open(); WorkQueue queue = new WorkQueue(db)) {
                spec.commandLine().getOut().println(act(queue, Format.printable(batch)));
            }
            return 0;
        }
    }

    @Command(name = "cancel", description = "Cancel what of a batch has not finished, whichever node runs it.")
    static final class Cancel extends BatchAction {
        @Override
        String act(WorkQueue queue, String shown) {
            return "cancelled " + queue.cancel(batch) + " of batch " + shown;
        }
    }

    @Command(name = "retry", description = "Queue a batch's failed and cancelled pieces again.")
    static final class Retry extends BatchAction {
        @Override
        String act(WorkQueue queue, String shown) {
            return "queued " + queue.retry(batch) + " of batch " + shown + " again";
        }
    }

    static String summary(WorkQueue.Batch b) {
        return String.format(Locale.ROOT, "batch %s: %d done, %d running, %d queued, %d failed, %d cancelled; done by %s",
                b.id(), b.count(State.DONE), b.count(State.RUNNING), b.count(State.QUEUED), b.count(State.FAILED),
                b.count(State.CANCELLED), b.doneBy());
    }

    private static Map<String, Object> toJson(QueuedWork w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", w.id());
        json.put("assetId", w.assetId());
        json.put("state", w.state().id());
        json.put("node", w.node());
        json.put("attempts", w.attempts());
        json.put("done", w.done());
        json.put("total", w.total());
        json.put("message", w.message());
        return json;
    }
}
