package io.cutroom.ui.jobs;

import io.cutroom.jobs.JobHandle;
import io.cutroom.ui.Studio;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Running and recent jobs, each with a progress bar and a cancel button, and below them the jobs the last
 * session left unfinished, to resume or dismiss, and the work queued for the studio's nodes. Rows read their job's latest
 * progress a few times a second: jobs report as often as they like without flooding the JavaFX thread.
 */
public final class JobsPanel {
    private static final int KEEP_FINISHED = 4;
    private final VBox root = new VBox(6);
    private final VBox rows = new VBox(6);
    private final List<JobRow> jobRows = new ArrayList<>();

    public JobsPanel(Studio studio) {
        Label title = new Label("Jobs");
        title.getStyleClass().add("jobs-title");
        Label catalog = new Label("Catalog: " + studio.catalogPlace());
        catalog.getStyleClass().add("catalog-path");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, catalog);
        header.setAlignment(Pos.CENTER_LEFT);
        QueueRows queued = new QueueRows(studio);
        root.getChildren().addAll(header, rows, queued.node());
        root.setPadding(new Insets(8, 16, 10, 16));
        root.getStyleClass().add("jobs-panel");
        studio.onJobStarted(this::track);
        studio.read(studio::resumableJobs, entries -> entries.forEach(entry -> {
            Node[] shown = new Node[1];
            shown[0] = new InterruptedRow(studio, entry, () -> rows.getChildren().remove(shown[0])).node();
            rows.getChildren().add(shown[0]);
        }));
        Timeline refresh = new Timeline(new KeyFrame(Duration.millis(150), e -> refresh()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        // Other workstations' nodes report at most once a second; reading the queue every two is enough.
        Timeline queueRefresh = new Timeline(new KeyFrame(Duration.seconds(2), e -> queued.refresh()));
        queueRefresh.setCycleCount(Timeline.INDEFINITE);
        queueRefresh.play();
        queued.refresh();
    }

    public Node node() {
        return root;
    }

    private void track(JobHandle<?> handle) {
        JobRow row = new JobRow(handle);
        jobRows.add(0, row);
        rows.getChildren().add(0, row.node());
        refresh();
    }

    private void refresh() {
        int finished = 0;
        for (JobRow row : new ArrayList<>(jobRows)) {
            row.refresh();
            if (row.isFinished() && ++finished > KEEP_FINISHED) {
                jobRows.remove(row);
                rows.getChildren().remove(row.node());
            }
        }
    }
}
