package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.usecases.Curation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Curating as an editor does it in the studio: Lightroom's keys on a selected card, I and O around a take, a card
 * put in a collection from its menu, the sidebar narrowing the library, and a moved file shown Offline until
 * it is relinked.
 */
class StudioCurationTest extends StudioUiTest {
    @TempDir
    Path footage;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void keysLogTheSelectionCardsJoinCollectionsAndMovedFilesRelink(FxRobot robot) throws Exception {
        Path cup = Files.copy(TestMedia.file("video/cup.mp4"), footage.resolve("cup \"take\" 2 ü.mp4"));
        Files.copy(TestMedia.file("video/chaplin.mp4"), footage.resolve("chaplin.mp4"));
        WaitForAsyncUtils.asyncFx(() -> window.importPaths(List.of(footage))).get(10, TimeUnit.SECONDS)
                .orElseThrow().result().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.library().shownAssets().size() == 2
                && onFx(() -> robot.lookup(".asset-card").queryAll().size()) == 2);
        long cupId = studio.assets().all().stream().filter(a -> a.path().equals(cup)).findFirst().orElseThrow().id();
        Curation curation = studio.curation();

        revealCard(cup.getFileName().toString());
        click(robot, card(robot, cup.getFileName().toString()));
        robot.type(KeyCode.DIGIT4, KeyCode.P, KeyCode.DIGIT6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> curation.log(cupId).equals(new AssetLog(4, AssetLog.Flag.PICK, AssetLog.Label.RED, null)));
        robot.type(KeyCode.DIGIT6, KeyCode.X);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> curation.log(cupId).equals(new AssetLog(4, AssetLog.Flag.REJECT, null, null)));
        // The card shows what was logged.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.from(card(robot, cup.getFileName().toString()))
                .lookup(".log-stars").tryQuery().map(n -> ((Label) n).getText().equals("★★★★☆")).orElse(false)));

        // I at the playhead, play a moment, O: a select over what played.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#selects-list").tryQuery().isPresent());
        robot.type(KeyCode.I);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.O);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> curation.selects(cupId).size() == 1);
        assertThat(curation.selects(cupId).get(0).durationSec()).isGreaterThan(0.3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#selects-list .select-row").queryAll().size()) == 1);

        // A collection made, a card put in it from its menu, and the sidebar narrowing the library to it. (Dragging the
        // card onto the collection does the same; Monocle, the headless toolkit these tests run on, cannot drag and drop.)
        curation.createCollection("Client A/Selects", null);
        studio.changed();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> collectionCell(robot, "Selects") != null);
        Node chaplinCard = card(robot, "chaplin.mp4");
        // Monocle sends no context-menu request for a right-click, so the request is sent as the Menu key would. The
        // menu is a window of its own, and its submenu another: its item is fired as a click on it would.
        Point2D at = centreOf(chaplinCard);
        robot.interact(() -> Event.fireEvent(chaplinCard, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                10, 10, at.getX(), at.getY(), false, null)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> shownMenu().isPresent()));
        robot.interact(() -> shownMenu().orElseThrow().getItems().stream().filter(i -> "add-to-collection".equals(i.getId()))
                .map(i -> (Menu) i).findFirst().orElseThrow().getItems().stream()
                .filter(i -> i.getText().equals("Client A/Selects")).findFirst().orElseThrow().fire());
        robot.interact(() -> shownMenu().ifPresent(ContextMenu::hide));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> curation.members("Client A/Selects").size() == 1);
        assertThat(curation.members("Client A/Selects")).extracting(Asset::fileName).containsExactly("chaplin.mp4");
        clickCollectionUntil(robot, "Selects", () -> window.library().shownAssets().size() == 1);
        assertThat(robot.lookup(".count-label").queryLabeled().getText()).isEqualTo("1 of 1 in Client A/Selects");
        clickCollectionUntil(robot, "All items", () -> window.library().shownAssets().size() == 2);

        // Moved away, the clip is Offline, not failed; relinked from its new folder, it is back with its log.
        Path moved = Files.createDirectories(footage.resolve("moved"));
        Files.move(cup, moved.resolve("renamed.mp4"));
        robot.interact(() -> window.library().findMissingFiles()); // File ▸ Find Missing Files; else within 30 s
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(".badge-offline").tryQuery().isPresent()));
        studio.relink(moved).result().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(".badge-offline").tryQuery().isEmpty()));
        assertThat(studio.assets().find(cupId).orElseThrow().path()).isEqualTo(moved.resolve("renamed.mp4").toRealPath());
        assertThat(curation.log(cupId).rating()).isEqualTo(4);
    }

    private static Optional<ContextMenu> shownMenu() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w)
                .findFirst();
    }

    /** The library card showing a file name. */
    private static Node card(FxRobot robot, String fileName) throws Exception {
        return onFx(() -> robot.lookup(".asset-card").queryAll().stream()
                .filter(c -> robot.from(c).lookup(".asset-name").queryLabeled().getText().equals(fileName)).findFirst().orElseThrow());
    }

    /** The sidebar row whose text starts with {@code name}, or null while it is not there. */
    /**
     * Clicks the collection's cell until the library shows what it should, at most three times. The tree's cells
     * are recycled when its counts refresh, so a cell looked up just before may show another row by the time the
     * click lands (one clean-clone run in three timed out waiting for "All items" after a single click).
     */
    private static void clickCollectionUntil(FxRobot robot, String name, Callable<Boolean> shown) throws Exception {
        for (int attempt = 1; ; attempt++) {
            click(robot, collectionCell(robot, name));
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, shown);
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    private static Node collectionCell(FxRobot robot, String name) throws Exception {
        return onFx(() -> robot.lookup("#collections .tree-cell").queryAll().stream()
                .filter(c -> ((TreeCell<?>) c).getText() != null && ((TreeCell<?>) c).getText().startsWith(name))
                .findFirst().orElse(null));
    }
}
