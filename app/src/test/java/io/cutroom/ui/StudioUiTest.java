package io.cutroom.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

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

    /**
     * Runs a read of the scene graph on the FX thread. TestFX reads nodes and their bounds on the test
     * thread; a node's bounds are computed and cached on first read, so such a read can race the studio's
     * own layout, which the library's card rebuilds keep busy. That race ended one clean-clone run in five
     * with an IndexOutOfBoundsException in JavaFX's Parent.updateCachedBounds.
     */
    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The middle of a node on screen, read on the FX thread. */
    static Point2D centreOf(Node node) throws Exception {
        return onFx(() -> {
            Bounds b = node.localToScreen(node.getBoundsInLocal());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    /** Clicks the first visible node a TestFX query (CSS selector or text) finds, located on the FX thread. */
    static void click(FxRobot robot, String query) throws Exception {
        click(robot, onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).<Node>query()));
    }

    /** Clicks a node, and makes its window the one typing goes to, as TestFX's own clickOn does. */
    static void click(FxRobot robot, Node node) throws Exception {
        robot.targetWindow(onFx(() -> node.getScene().getWindow()));
        robot.clickOn(centreOf(node));
    }

    /** Scrolls the library so the card of the file shown with this name is on screen. */
    void revealCard(String fileName) throws Exception {
        onFx(() -> {
            window.library().shownAssets().stream().filter(a -> a.fileName().equals(fileName)).findFirst()
                    .ifPresent(a -> window.library().reveal(a.id()));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the clip view so the node is on screen, as an editor scrolls to it. */
    static void reveal(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            Node n = node;
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) n;
            Node content = scroll.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double extra = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(extra <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / extra)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Imports one file, opens its clip view and the colour section, as an editor would. */
    void openColourPanelOf(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.importPaths(java.util.List.of(file))).get(10, TimeUnit.SECONDS)
                .orElseThrow().result().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".asset-card").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        click(robot, ".asset-card");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#color-section").tryQuery().isPresent());
        click(robot, "#color-section .title");
    }
}
