package io.cutroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.catalog.ProfileRepository;
import io.cutroom.playlists.PlaylistService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The playlists screen: demo viewers, a generated playlist with reasons, play-through, and Like and Skip recorded. */
class StudioPlaylistsTest extends StudioUiTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void generatesExplainsPlaysAndRecordsReactions(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.importPaths(List.of(TestMedia.file("video/cup.mp4"),
                TestMedia.file("video/cockatoo.mp4"), TestMedia.file("video/chaplin.mp4"),
                TestMedia.file("images/sklearn/china.jpg"), TestMedia.file("images/skimage/chelsea.png"))))
                .get(10, TimeUnit.SECONDS).orElseThrow().result().get(60, TimeUnit.SECONDS);
        studio.addDemoViewers();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> studio.profiles().all().size() == 4);
        ProfileRepository.Profile ana = studio.profiles().find("Ana (demo)").orElseThrow();
        assertThat(ana.demo()).isTrue();

        click(robot, "#playlists-tab");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#playlist-profile").queryComboBox()
                .getItems().size() == 4);
        robot.interact(() -> robot.lookup("#playlist-profile").<ProfileRepository.Profile>queryComboBox().setValue(ana));
        click(robot, "#playlist-generate");
        ListView<PlaylistService.Item> items = robot.lookup("#playlist-items").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !items.getItems().isEmpty());
        assertThat(items.getItems()).allSatisfy(i -> assertThat(i.explanation()).isNotBlank());
        assertThat(items.getItems().stream().map(i -> i.asset().id()).distinct().count()).isEqualTo(items.getItems().size());
        PlaylistService.Item first = items.getItems().get(0);

        click(robot, "#playlist-play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(first.title()).tryQuery().isPresent());
        click(robot, "#playlist-skip");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> studio.profiles().events().stream()
                .anyMatch(e -> e.profileId() == ana.id() && e.assetId() == first.asset().id() && e.kind().equals("skip")));
        if (items.getItems().size() > 1) {
            long second = items.getItems().get(1).asset().id();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> studio.profiles().events().stream()
                    .anyMatch(e -> e.assetId() == second && e.kind().equals("play")));
            click(robot, "#playlist-like");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> studio.profiles().events().stream()
                    .anyMatch(e -> e.profileId() == ana.id() && e.assetId() == second && e.kind().equals("like")));
        }

        click(robot, "#playlist-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> studio.profiles().playlists(ana.id()).size() == 1);

        // Played and skipped, the first item nets below zero: the next playlist, generated again, leaves it out.
        click(robot, "#playlist-generate");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !items.getItems().isEmpty()
                && items.getItems().stream().noneMatch(i -> i.asset().id() == first.asset().id()));
        assertThat(items.getItems()).extracting(i -> i.asset().id()).doesNotContain(first.asset().id());
    }
}
