package io.cutroom.ui;

import atlantafx.base.theme.PrimerDark;
import io.cutroom.ingest.DemoMedia;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobHandle;
import io.cutroom.jobs.JobRunner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** The JavaFX application: opens the catalog, shows the studio window, offers the demo media. */
public final class StudioApp extends Application {
    private Studio studio;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        try {
            studio = new Studio(StudioLauncher.home(), JobRunner.background());
        } catch (RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, ErrorSentence.of(e));
            alert.setHeaderText("The catalog could not be opened");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        StudioWindow window = new StudioWindow(studio, stage, file -> getHostServices().showDocument(file.toUri().toString()));
        Scene scene = new Scene(window.root(), 1360, 860);
        scene.getStylesheets().add(Objects.requireNonNull(
                StudioApp.class.getResource("/io/cutroom/ui/studio.css")).toExternalForm());
        stage.setTitle("Cutroom");
        stage.setScene(scene);
        stage.show();
        // Like a photo library, new footage is analysed in the background; -Dcutroom.autotag=false turns it off.
        studio.tagging().setAutomatic(!"false".equals(System.getProperty("cutroom.autotag")));
        offerDemo(window);
    }

    private void offerDemo(StudioWindow window) {
        studio.read(() -> studio.assets().count(), count -> {
            if (count == 0) {
                offerDemoTo(window);
            }
        });
    }

    private void offerDemoTo(StudioWindow window) {
        DemoMedia.folder().ifPresent(folder -> {
            if (StudioLauncher.importDemo()) {
                withDemoViewers(window.importPaths(List.of(folder)));
                return;
            }
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                    "Your catalog is empty. Import the demo clips, music and stills that come with Cutroom?",
                    ButtonType.YES, ButtonType.NO);
            ask.setHeaderText("Welcome to Cutroom");
            ask.initOwner(window.root().getScene().getWindow());
            ask.showAndWait().filter(ButtonType.YES::equals).ifPresent(b -> withDemoViewers(window.importPaths(List.of(folder))));
        });
    }

    /** Once the demo media are in, adds the demo viewers and their histories, so playlists show at once. */
    private void withDemoViewers(Optional<JobHandle<List<ImportOutcome>>> handle) {
        handle.ifPresent(h -> h.result().thenRun(studio::addDemoViewers));
    }

    @Override
    public void stop() {
        if (studio != null) {
            studio.close();
        }
    }
}
