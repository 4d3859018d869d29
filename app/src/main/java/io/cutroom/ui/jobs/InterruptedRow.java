package io.cutroom.ui.jobs;

import io.cutroom.catalog.JobJournal;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.ui.Studio;
import java.io.IOException;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A job that did not finish the last time (Cutroom was killed, crashed or lost power), with Resume and
 * Dismiss. Resuming replaces the row with the running job's own row.
 */
final class InterruptedRow {
    private final HBox root;

    InterruptedRow(Studio studio, JobJournal.Entry entry, Runnable remove) {
        Label title = new Label(entry.title());
        title.getStyleClass().add("job-title");
        Label what = new Label(entry.status() == JobJournal.Status.INTERRUPTED
                ? "Interrupted: Cutroom stopped while this ran" : "Failed: " + entry.message());
        what.getStyleClass().add("job-message");
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        Button resume = new Button("Resume", new FontIcon(Feather.PLAY));
        resume.setTooltip(new Tooltip(switch (entry.kind()) {
            case IMPORT -> "Import the files not yet in the catalog";
            case TAG -> "Tag the files not yet tagged";
            case RENDER -> "Render again from the start with the same settings";
        }));
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll("flat", "job-cancel");
        dismiss.setTooltip(new Tooltip("Forget this job"));
        resume.setOnAction(e -> {
            try {
                studio.resume(entry);
                remove.run();
            } catch (IOException | IllegalArgumentException ex) {
                what.setText("Cannot resume: " + ErrorSentence.of(ex));
                resume.setDisable(true);
            }
        });
        dismiss.setOnAction(e -> studio.dismiss(entry, remove, reason -> what.setText("Cannot dismiss: " + reason)));
        root = new HBox(12, title, what, resume, dismiss);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().addAll("job-row", "job-interrupted");
    }

    Node node() {
        return root;
    }
}
