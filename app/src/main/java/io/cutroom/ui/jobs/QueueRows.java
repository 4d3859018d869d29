package io.cutroom.ui.jobs;

import io.cutroom.catalog.QueuedWorkRepository.QueuedWork;
import io.cutroom.catalog.QueuedWorkRepository.State;
import io.cutroom.cluster.WorkQueue;
import io.cutroom.ui.Studio;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The work queued for the studio's nodes, as any workstation sharing the catalog sees it: one row per request, with
 * its progress, the nodes working on it, and a cancel that stops it wherever it runs.
 */
final class QueueRows {
    private final Studio studio;
    private final VBox root = new VBox(6);
    private List<List<String>> shown = List.of();

    QueueRows(Studio studio) {
        this.studio = studio;
    }

    Node node() {
        return root;
    }

    /** Reads the queue off the JavaFX thread and shows it. */
    void refresh() {
        studio.read(() -> studio.queue().active(), this::show);
    }

    /**
     * Rebuilds the rows only when something changed, so a row is not replaced under the pointer of an editor about to
     * click its cancel.
     */
    private void show(List<WorkQueue.Batch> batches) {
        List<List<String>> now = batches.stream().map(b -> b.pieces().stream()
                .map(p -> p.id() + ":" + p.state() + ":" + p.node() + ":" + p.done()).toList()).toList();
        if (now.equals(shown)) return;
        shown = now;
        root.getChildren().setAll(batches.stream().map(this::row).toList());
    }

    private Node row(WorkQueue.Batch batch) {
        List<QueuedWork> pieces = batch.pieces();
        String kind = switch (pieces.get(0).kind()) {
            case "render" -> "Render";
            case "import" -> "Import";
            case "colour" -> "Auto colour";
            case "reframe" -> "Reframing";
            default -> "Tagging";
        };
        Label title = new Label(kind + " on nodes · " + batch.id());
        title.getStyleClass().add("job-title");
        title.setMinWidth(JobRow.TITLE_WIDTH); // the bars of every row line up
        title.setPrefWidth(JobRow.TITLE_WIDTH);
        long done = batch.count(State.DONE);
        ProgressBar bar = new ProgressBar(pieces.isEmpty() ? 0 : (double) (pieces.size() - unfinished(batch)) / pieces.size());
        bar.setPrefWidth(260);
        TreeSet<String> running = new TreeSet<>();
        pieces.stream().filter(p -> p.state() == State.RUNNING && p.node() != null).forEach(p -> running.add(p.node()));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d of %d done", done, pieces.size()));
        if (!running.isEmpty()) text.append(" · running on ").append(String.join(", ", running));
        if (batch.count(State.QUEUED) > 0) text.append(" · ").append(batch.count(State.QUEUED)).append(" waiting for a node");
        if (batch.count(State.FAILED) > 0) text.append(" · ").append(batch.count(State.FAILED)).append(" failed");
        if (batch.count(State.CANCELLED) > 0) text.append(" · ").append(batch.count(State.CANCELLED)).append(" cancelled");
        Label message = new Label(text.toString());
        message.getStyleClass().add("job-message");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button cancel = new Button(null, new FontIcon(Feather.X));
        cancel.getStyleClass().addAll("flat", "job-cancel");
        cancel.setTooltip(new Tooltip("Cancel this request on every node; finished work is kept"));
        cancel.setVisible(!batch.finished());
        cancel.setOnAction(e -> studio.change(() -> studio.queue().cancel(batch.id()), n -> refresh(), why -> refresh()));
        HBox row = new HBox(12, title, bar, message, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("job-row", "queue-row");
        return row;
    }

    private static long unfinished(WorkQueue.Batch batch) {
        return batch.count(State.QUEUED) + batch.count(State.RUNNING);
    }
}
