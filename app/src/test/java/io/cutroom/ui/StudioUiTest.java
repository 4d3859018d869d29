package io.cutroom.ui;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** A TestFX test of the studio window on its own scratch catalog, closed after each test. */
@ExtendWith(ApplicationExtension.class)
abstract class StudioUiTest {
    @TempDir
    Path home;
    Studio studio;
    StudioWindow window;

    /** Called from each test class's {@code @Start} method (TestFX does not look for one in a superclass). */
    void open(Stage stage) {
        StudioTestWindow opened = StudioTestWindow.open(stage, home);
        studio = opened.studio();
        window = opened.window();
    }

    @AfterEach
    void close() {
        studio.close();
    }
}
