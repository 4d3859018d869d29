package io.cutroom.ui.jobs;

import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobHandle;
import io.cutroom.jobs.JobProgress;
import io.cutroom.jobs.JobSummary;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One job: title, progress bar, what it is doing, and a cancel button while it runs. */
final class JobRow {
    /** Wide enough for "Auto colour on nodes · 3f2a9c1e", so job and queue rows line up. */
    static final double TITLE_WIDTH = 240;
    private final JobHandle<?> handle;
    private final HBox root;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label();
    private final Button cancel = new Button(null, new FontIcon(Feather.X));
    private long firstProgressNanos;
    private long firstProgressDone;

    JobRow(JobHandle<?> handle) {
        this.handle = handle;
        Label title = new Label(handle.title());
        title.getStyleClass().add("job-title");
        title.setMinWidth(JobRow.TITLE_WIDTH); // the bars of every row line up
        title.setPrefWidth(JobRow.TITLE_WIDTH);
        bar.setPrefWidth(260);
        message.getStyleClass().add("job-message");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        cancel.getStyleClass().addAll("flat", "job-cancel");
        cancel.setTooltip(new Tooltip("Cancel this job; finished work is kept"));
        cancel.setOnAction(e -> handle.cancel());
        root = new HBox(12, title, bar, message, cancel);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("job-row");
    }

    Node node() {
        return root;
    }

    boolean isFinished() {
        return handle.result().isDone();
    }

    void refresh() {
        JobProgress p = handle.progress();
        switch (handle.state()) {
            case QUEUED -> {
                bar.setProgress(0);
                message.setText("Waiting");
            }
            case RUNNING -> {
                bar.setProgress(handle.isCancelRequested() ? ProgressBar.INDETERMINATE_PROGRESS : p.fraction());
                message.setText(handle.isCancelRequested() ? "Cancelling…" : progressText(p) + timeLeft(p));
            }
            case SUCCEEDED -> finish(1, summary());
            case CANCELLED -> finish(bar.getProgress() < 0 ? 0 : bar.getProgress(), "Cancelled; finished files were kept");
            case FAILED -> finish(0, "Failed: " + handle.result().handle((v, e) -> e == null ? "" : ErrorSentence.of(e)).join());
        }
    }

    /** Time left, from the rate since the first progress report (which skips start-up such as probing). */
    private String timeLeft(JobProgress p) {
        if (p.total() <= 0 || p.done() <= 0) {
            return "";
        }
        long now = System.nanoTime();
        if (firstProgressNanos == 0) {
            firstProgressNanos = now;
            firstProgressDone = p.done();
            return "";
        }
        long done = p.done() - firstProgressDone;
        double elapsed = (now - firstProgressNanos) / 1e9;
        if (done <= 0 || elapsed < 1) {
            return "";
        }
        long seconds = Math.round(elapsed * (p.total() - p.done()) / done);
        return String.format(" · %d:%02d left", seconds / 60, seconds % 60);
    }

    private static String progressText(JobProgress p) {
        return p.total() > 0 ? p.done() + " of " + p.total() + " · " + p.message() : p.message();
    }

    private void finish(double progress, String text) {
        bar.setProgress(progress);
        message.setText(text);
        cancel.setVisible(false);
        root.pseudoClassStateChanged(PseudoClass.getPseudoClass(handle.state().name().toLowerCase()), true);
    }

    /** What the job says it did; for imports, how many files went in, were already there, or failed. */
    private String summary() {
        Object value = handle.result().getNow(null);
        if (value instanceof JobSummary summarized) {
            return summarized.summary();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ImportOutcome) {
            long imported = list.stream().filter(o -> o instanceof ImportOutcome.Imported).count();
            long duplicates = list.stream().filter(o -> o instanceof ImportOutcome.Duplicate).count();
            long failed = list.stream().filter(o -> o instanceof ImportOutcome.Failed).count();
            return imported + " imported · " + duplicates + " already in the catalog · " + failed + " failed";
        }
        return "Done";
    }
}
