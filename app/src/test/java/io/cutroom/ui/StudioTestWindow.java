package io.cutroom.ui;

import atlantafx.base.theme.PrimerDark;
import io.cutroom.jobs.JobRunner;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The studio window as the application shows it (theme, stylesheet, size), on a test's own catalog. */
record StudioTestWindow(Studio studio, StudioWindow window) {
    static StudioTestWindow open(Stage stage, Path home) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        Studio studio = new Studio(home, JobRunner.background());
        StudioWindow window = new StudioWindow(studio, stage, file -> { });
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(StudioApp.class.getResource("/io/cutroom/ui/studio.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return new StudioTestWindow(studio, window);
    }
}
