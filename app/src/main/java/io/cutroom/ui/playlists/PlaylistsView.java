package io.cutroom.ui.playlists;

import io.cutroom.catalog.ProfileRepository;
import io.cutroom.playlists.CatalogSnapshot;
import io.cutroom.playlists.PlaylistService;
import io.cutroom.playlists.Recommenders;
import io.cutroom.ui.Studio;
import io.cutroom.ui.clip.ClipView;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The playlists screen: pick or create a viewer, generate their playlist with a recommender and a length,
 * and see each item with its thumbnail, length and reason. Play All previews the list in the clip view,
 * item after item; Like and Skip record the viewer's reaction (and a finished item counts as completed),
 * so the next playlist changes. Viewer segments are listed with their top tags.
 */
public final class PlaylistsView {
    private final Studio studio;
    private final ClipView clip;
    private final VBox root = new VBox(10);
    private final ComboBox<ProfileRepository.Profile> profile = new ComboBox<>();
    private final ComboBox<String> recommender = new ComboBox<>();
    private final ComboBox<Integer> minutes = new ComboBox<>();
    private final ListView<PlaylistService.Item> list = new ListView<>();
    private final Label status = new Label();
    private final Label nowPlaying = new Label();
    private final VBox segments = new VBox(4);
    private final PlaylistsModel model;
    private boolean showing;

    public PlaylistsView(Studio studio, ClipView clip) {
        this.studio = studio;
        this.model = new PlaylistsModel(studio.database(), studio.playlists(), studio.profiles());
        this.clip = clip;
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProfileRepository.Profile p) {
                return p == null ? "" : p.name() + (p.interests().isEmpty() ? "" : " · " + String.join(", ", p.interests()));
            }

            @Override
            public ProfileRepository.Profile fromString(String s) {
                return null;
            }
        });
        profile.setPromptText("Viewer");
        profile.setPrefWidth(230);
        profile.setId("playlist-profile");
        Button add = new Button(null, new FontIcon(Feather.USER_PLUS));
        add.setOnAction(e -> newProfile());
        recommender.getItems().setAll(Recommenders.IDS);
        recommender.setValue("hybrid");
        minutes.getItems().setAll(5, 10, 30, 60);
        minutes.setValue(30);
        Button generate = new Button("Generate", new FontIcon(Feather.LIST));
        generate.getStyleClass().add("accent");
        generate.setId("playlist-generate");
        generate.setOnAction(e -> generate());
        Button save = new Button(null, new FontIcon(Feather.SAVE));
        save.setId("playlist-save");
        save.setTooltip(new Tooltip("Keep this playlist with the viewer"));
        save.setOnAction(e -> save());
        HBox choose = new HBox(8, profile, add, recommender, minutes, new Label("min"), generate, save);
        choose.setAlignment(Pos.CENTER_LEFT);

        Button play = new Button("Play All", new FontIcon(Feather.PLAY));
        play.setId("playlist-play");
        play.setOnAction(e -> playFrom(0));
        Button like = new Button("Like", new FontIcon(Feather.THUMBS_UP));
        like.setId("playlist-like");
        like.setOnAction(e -> react("like", false));
        Button skip = new Button("Skip", new FontIcon(Feather.SKIP_FORWARD));
        skip.setId("playlist-skip");
        skip.setOnAction(e -> react("skip", true));
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setOnAction(e -> stop());
        nowPlaying.getStyleClass().add("text-muted");
        HBox player = new HBox(8, play, like, skip, stop, nowPlaying);
        player.setAlignment(Pos.CENTER_LEFT);

        list.setCellFactory(v -> new PlaylistRow(studio, model::playing));
        list.setId("playlist-items");
        list.setPlaceholder(new Label("Pick a viewer and press Generate."));
        VBox.setVgrow(list, Priority.ALWAYS);
        status.setWrapText(true);
        status.setId("playlist-status");
        TitledPane groups = new TitledPane("Viewer segments", segments);
        groups.setAnimated(false);
        root.getChildren().addAll(choose, status, player, list, groups);
        root.setPadding(new Insets(12));
        // The viewers and segments come from a snapshot of the whole catalog: read it when the tab is shown,
        // and on catalog changes only while it is, not for every file of an import in the library.
        studio.onCatalogChanged(() -> {
            if (showing) {
                loadProfiles();
            }
        });
    }

    public Node node() {
        return root;
    }

    /** Called as the Playlists tab is shown or hidden. */
    public void setShowing(boolean shown) {
        showing = shown;
        if (shown) {
            loadProfiles();
        }
    }

    /** Reads the viewers (and segments) again; keeps the one chosen. */
    public void loadProfiles() {
        studio.read(model::viewers, loaded -> {
            List<ProfileRepository.Profile> all = loaded.profiles();
            Long chosen = profile.getValue() == null ? null : profile.getValue().id();
            profile.getItems().setAll(all);
            all.stream().filter(p -> chosen != null && p.id() == chosen).findFirst()
                    .or(() -> all.stream().findFirst()).ifPresent(profile::setValue);
            segments.getChildren().setAll(loaded.segmentLines().stream().map(line -> {
                Label l = new Label(line);
                l.setWrapText(true);
                return (Node) l;
            }).toList());
        });
    }

    private void newProfile() {
        NewProfileDialog.ask(root.getScene().getWindow()).ifPresent(answer -> studio.change(
                () -> model.addViewer(answer.name(), answer.interests()), message -> {
                    status.setText(message);
                    loadProfiles();
                }, reason -> status.setText(answer.name() + " was not added. " + reason)));
    }

    private void generate() {
        ProfileRepository.Profile who = profile.getValue();
        int length = minutes.getValue();
        status.setText(PlaylistsModel.building(who, length));
        if (who == null) {
            return;
        }
        stop();
        String method = recommender.getValue();
        studio.read(() -> model.build(who, method, length), built -> {
            model.show(built);
            list.getItems().setAll(model.items());
            status.setText(built.status());
        });
    }

    private void save() {
        studio.change(model::save, status::setText, reason -> status.setText("The playlist was not saved. " + reason));
    }

    private void playFrom(int index) {
        String playingLine = model.playFrom(index);
        if (playingLine == null) {
            stop();
            nowPlaying.setText("Played to the end.");
            return;
        }
        list.refresh();
        list.getSelectionModel().select(index);
        list.scrollTo(index);
        nowPlaying.setText(playingLine);
        record("play");
        clip.playThrough(model.items().get(index).asset(), CatalogSnapshot.STILL_SEC, () -> {
            record("complete");
            playFrom(index + 1);
        });
    }

    private void react(String kind, boolean next) {
        status.setText(model.reaction(profile.getValue(), kind));
        if (model.playing() < 0) {
            return;
        }
        record(kind);
        if (next) {
            playFrom(model.playing() + 1);
        }
    }

    private void record(String kind) {
        ProfileRepository.Profile who = profile.getValue();
        Long asset = model.playingAsset();
        if (who == null || asset == null) {
            return;
        }
        studio.change(() -> {
            model.record(who, asset, kind);
            return kind;
        }, done -> { }, reason -> status.setText("The play was not recorded. " + reason));
    }

    private void stop() {
        clip.stopPlayThrough();
        model.stop();
        nowPlaying.setText("");
        list.refresh();
        Platform.runLater(list::refresh);
    }
}
