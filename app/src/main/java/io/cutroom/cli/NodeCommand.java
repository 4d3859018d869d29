package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CatalogLocation;
import io.cutroom.catalog.QueuedWorkRepository.QueuedWork;
import io.cutroom.catalog.QueuedWorkRepository.State;
import io.cutroom.cluster.Node;
import io.cutroom.cluster.PathMap;
import io.cutroom.usecases.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom node [--catalog URL] [--lanes inference,render] [--path-map FROM=TO]...}: a worker node, on a render machine,
 * a server or a workstation, taking work from the catalog's queue until it is stopped (Ctrl+C or a TERM signal).
 */
@Command(name = "node", description = "Run a worker node: take imports, tagging, colour, reframing and renders from the shared catalog's queue until stopped.")
final class NodeCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Option(names = "--catalog", paramLabel = "URL",
            description = "The catalog to serve: postgresql://HOST:PORT/DB?user=NAME (default: this data folder's).")
    String url;

    @Option(names = "--lanes", split = ",", paramLabel = "LANE",
            description = "Which work this node takes: import (probe and thumbnails), inference (tagging, auto colour,"
                    + " reframing), render; all three by default.")
    List<String> lanes = new ArrayList<>();

    @Option(names = "--path-map", paramLabel = "FROM=TO",
            description = "A path the catalog holds under FROM is under TO on this machine (repeatable).")
    List<String> pathMaps = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Set<Node.Lane> served = lanes();
        PathMap paths = PathMap.parse(pathMaps);
        CatalogLocation location = url == null ? CatalogLocation.in(catalog.home()) : CatalogLocation.parse(url);
        try (CatalogDb db = CatalogDb.open(location)) {
            Optional<String> off = new Workspace(db).whyTaggingIsOff();
            if (off.isPresent() && served.contains(Node.Lane.INFERENCE)) {
                spec.commandLine().getErr().println("cutroom: this node cannot tag: " + off.get());
                return CutroomCli.EXIT_ERROR;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            try (Node node = new Node(db, served, paths, Node.Timing.DEFAULT, lines(out))) {
                Thread stop = new Thread(stopped::countDown, "cutroom-node-stop");
                Runtime.getRuntime().addShutdownHook(stop);
                node.start();
                out.println("node " + node.name() + " serves " + served.toString().toLowerCase(Locale.ROOT) + " for "
                        + Format.printable(location.describe()) + "; path maps: " + paths + ". Ctrl+C stops it.");
                out.flush();
                stopped.await();
            }
        }
        return 0;
    }

    private Set<Node.Lane> lanes() {
        Set<Node.Lane> served = EnumSet.noneOf(Node.Lane.class);
        for (String lane : lanes.isEmpty() ? List.of("import", "inference", "render") : lanes) {
            switch (lane.strip().toLowerCase(Locale.ROOT)) {
                case "inference" -> served.add(Node.Lane.INFERENCE);
                case "render" -> served.add(Node.Lane.RENDER);
                case "import" -> served.add(Node.Lane.IMPORT);
                default -> throw new ParameterException(spec.commandLine(), "Unknown lane " + lane + ": use import, inference or render.");
            }
        }
        return served;
    }

    /** One line when a piece starts and one when it ends, so a node's log says who did what. */
    private static Node.Listener lines(PrintWriter out) {
        return new Node.Listener() {
            @Override
            public void started(QueuedWork work, Asset asset, Path local) {
                out.println("started " + (asset == null ? work.kind() : Long.toString(asset.id())) + " "
                        + Format.printable(local.toString()));
                out.flush();
            }

            @Override
            public void finished(QueuedWork work, State state, String message) {
                String word = switch (state) {
                    case DONE -> switch (work.kind()) {
                        case "render" -> "rendered";
                        case "colour" -> "coloured";
                        case "reframe" -> "reframed";
                        case "import" -> "imported";
                        default -> "tagged";
                    };
                    case CANCELLED -> "cancelled";
                    default -> "failed";
                };
                String what = work.assetId() == null ? "piece " + work.id() : Long.toString(work.assetId());
                out.println(word + " " + what + ": " + Format.printable(message == null ? "" : message));
                out.flush();
            }
        };
    }
}
