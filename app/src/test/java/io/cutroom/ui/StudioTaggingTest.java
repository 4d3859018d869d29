package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.Asset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tagging as an editor meets it in the studio, on real photos and the real networks: chips on the cards,
 * the tag filter, the clip view's tags, "more like this", and teaching a tag from a selection.
 */
class StudioTaggingTest extends StudioUiTest {
    private static final List<String> STILLS = List.of("skimage/chelsea.png", "skimage/astronaut.png",
            "skimage/coffee.png", "sklearn/china.jpg", "sklearn/flower.jpg", "skimage/motorcycle_left.png");
    @TempDir
    Path footage;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void tagsShowOnCardsFilterTheLibraryAndCanBeTaught(FxRobot robot) throws Exception {
        for (String still : STILLS) {
            Files.copy(TestMedia.file("images/" + still), footage.resolve(Path.of(still).getFileName()));
        }
        // New imports are tagged in the background when the studio is set to, as the application is.
        studio.tagging().setAutomatic(true);
        WaitForAsyncUtils.asyncFx(() -> window.importPaths(List.of(footage))).get(10, TimeUnit.SECONDS)
                .orElseThrow().result().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> STILLS.size() == studio.assets().all().stream()
                .filter(a -> studio.tagging().tags().isTagged(a.id())).count());
        // The search box finds tags too, and each found card shows the tag as a chip.
        javafx.scene.control.TextField search = robot.lookup(".library-toolbar .text-field").queryAs(javafx.scene.control.TextField.class);
        for (List<String> expected : List.of(List.of("chelsea.png", "cat"), List.of("motorcycle_left.png", "motorcycle"),
                List.of("astronaut.png", "person"))) {
            WaitForAsyncUtils.asyncFx(() -> search.setText(expected.get(1))).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.library().shownAssets().stream()
                    .anyMatch(a -> a.fileName().equals(expected.get(0))) && chipsOf(robot, expected.get(0)).contains(expected.get(1)));
        }
        assertThat(chipsOf(robot, "astronaut.png")).doesNotContain("live action"); // true of nearly all footage
        WaitForAsyncUtils.asyncFx(() -> search.setText("")).get(5, TimeUnit.SECONDS);

        ComboBox<String> tagFilter = robot.lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .map(c -> (ComboBox<String>) c).filter(c -> c.getItems().contains("Any tag")).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> tagFilter.setValue("cat")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.library().shownAssets()).extracting(Asset::fileName).containsExactly("chelsea.png");
        WaitForAsyncUtils.asyncFx(() -> tagFilter.setValue("Any tag")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        // The clip view lists the still's tags, and "more like this" finds the other stills.
        revealCard("astronaut.png");
        click(robot, card(robot, "astronaut.png"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("More Like This").tryQuery().isPresent());
        assertThat(robot.lookup(".tags-panel .tag-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(text -> text.startsWith("person "));
        click(robot, "More Like This");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".similar-row").queryAll().size() == STILLS.size() - 1);

        // Teach a tag from three selected stills (three cards on screen): a shortcut-click adds each to the selection.
        List<String> examples = robot.lookup(".asset-card .asset-name").queryAllAs(Label.class).stream()
                .map(Label::getText).sorted().limit(3).toList();
        revealCard(examples.get(0));
        click(robot, card(robot, examples.get(0)));
        robot.press(KeyCode.CONTROL);
        revealCard(examples.get(1));
        click(robot, card(robot, examples.get(1)));
        revealCard(examples.get(2));
        click(robot, card(robot, examples.get(2)));
        robot.release(KeyCode.CONTROL);
        assertThat(window.library().selectedAssets()).extracting(Asset::fileName).containsExactlyInAnyOrderElementsOf(examples);
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Teach").tryQuery().isPresent());
        click(robot, ".dialog-pane .combo-box .text-field");
        robot.write("close detail");
        click(robot, "Teach");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> studio.tagging().customTagNames().contains("close detail"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            for (String name : examples) {
                if (!chipsOrMore(robot, name).contains("close detail")) return false;
            }
            return true;
        });
        assertThat(robot.lookup("Teaching \"close detail\"").tryQuery()).isPresent();
    }

    private static Node card(FxRobot robot, String fileName) throws Exception {
        return onFx(() -> findCard(robot, fileName).orElseThrow());
    }

    /**
     * The card on screen, if laid out right now: the library rebuilds its cards when the catalog changes.
     * Called on the FX thread (see {@link StudioUiTest#onFx}).
     */
    private static java.util.Optional<Node> findCard(FxRobot robot, String fileName) {
        return robot.lookup(".asset-card").queryAll().stream()
                .filter(c -> robot.from(c).lookup(".asset-name").tryQuery()
                        .map(n -> ((Label) n).getText().equals(fileName)).orElse(false))
                .findFirst();
    }

    /** The chips of a card on screen; none while the card is not laid out yet. */
    private static List<String> chipsOf(FxRobot robot, String fileName) throws Exception {
        return onFx(() -> findCard(robot, fileName).map(c -> robot.from(c).lookup(".tag-chip").queryAllAs(Label.class)
                .stream().map(Label::getText).toList()).orElse(List.of()));
    }

    /** Chip texts, with the tags a "+N" chip hides listed from its tooltip; none while the card is not laid out. */
    private static List<String> chipsOrMore(FxRobot robot, String fileName) throws Exception {
        return onFx(() -> chipTexts(robot, fileName));
    }

    private static List<String> chipTexts(FxRobot robot, String fileName) {
        List<String> out = new java.util.ArrayList<>();
        java.util.Optional<Node> shown = findCard(robot, fileName);
        if (shown.isEmpty()) {
            return out;
        }
        for (Label chip : robot.from(shown.get()).lookup(".tag-chip").queryAllAs(Label.class)) {
            out.add(chip.getText());
            javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) chip.getProperties().get("javafx.scene.control.Tooltip");
            if (tip != null) {
                for (String line : tip.getText().split("\n")) {
                    out.add(line.replaceAll(" \\d+%$", ""));
                }
            }
        }
        return out;
    }
}
