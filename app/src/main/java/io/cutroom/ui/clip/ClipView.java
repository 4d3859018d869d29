package io.cutroom.ui.clip;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.ThumbnailRepository;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.Thumbnail;
import io.cutroom.ui.Studio;
import io.cutroom.ui.color.ColorPanel;
import io.cutroom.ui.library.LibraryText;
import io.cutroom.vision.PreviewPictures;
import io.cutroom.worker.WorkerException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.MediaView;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected asset: a preview player, its filmstrip and everything the probe found. */
public final class ClipView {
    /** Extensions JavaFX media plays itself; everything else is decoded through FFmpeg. */
    private static final double PREVIEW_WIDTH = 440;
    private static final double PREVIEW_HEIGHT = 248;
    private static final int FULL_PICTURE_SIDE = 1600;

    private final Studio studio;
    private final VBox content = new VBox(12);
    private final ScrollPane root = new ScrollPane(content);
    private Player player;
    private RendersList renders;
    private TagsPanel tags;
    private ReframePanel reframe;
    private ColorPanel color;
    private LogBar log;
    private SelectsPanel selects;
    /** The shown clip's scrub bar and time following the playhead; replaced with the clip. */
    private ChangeListener<Number> scrubFollower;
    private StackPane previewStage;
    private long shownId = -1;
    private Button playButton;
    private final Consumer<Path> opener;
    /** A playlist preview in progress: what to call when the shown item has played to its end. */
    private Runnable whenPlayedThrough;
    private PauseTransition playThroughTimer;
    /** Follows whichever player is current: JavaFX media may hand over to the frame player mid-way. */
    private final DoubleProperty position = new SimpleDoubleProperty();

    public ClipView(Studio studio, Consumer<Path> opener) {
        this.studio = studio;
        this.opener = opener;
        studio.onCatalogChanged(this::refresh);
        content.setPadding(new Insets(16));
        content.getStyleClass().add("clip-view");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStyleClass().add("clip-scroll");
        showNothing();
    }

    public Node node() {
        return root;
    }

    public void show(Asset asset) {
        stopPlayThrough();
        showAsset(asset);
    }

    /**
     * Shows the asset and plays it to its end, then runs {@code finished} (on the JavaFX thread): a playlist
     * preview moves on this way. Stills stand for {@code stillSec}. Showing anything else stops it.
     */
    public void playThrough(Asset asset, double stillSec, Runnable finished) {
        stopPlayThrough();
        whenPlayedThrough = finished;
        showAsset(asset);
        // The playhead reaching the end, or this timer, ends the item, whichever comes first.
        playThroughTimer = new PauseTransition(Duration.seconds(ClipModel.playThroughSeconds(asset, stillSec)));
        playThroughTimer.setOnFinished(e -> playedThrough());
        playThroughTimer.play();
    }

    /** Stops a playlist preview without calling its callback. */
    public void stopPlayThrough() {
        whenPlayedThrough = null;
        if (playThroughTimer != null) {
            playThroughTimer.stop();
            playThroughTimer = null;
        }
    }

    private void playedThrough() {
        Runnable next = whenPlayedThrough;
        stopPlayThrough();
        if (next != null) {
            next.run();
        }
    }

    private void showAsset(Asset asset) {
        disposePlayer();
        playButton = null;
        renders = null;
        tags = null;
        reframe = null;
        color = null;
        log = null;
        selects = null;
        previewStage = null;
        shownId = -1;
        Label title = new Label(asset.fileName());
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        content.getChildren().setAll(title);
        if (!asset.isReady()) {
            Label error = new Label(asset.error());
            error.getStyleClass().add("clip-error");
            error.setWrapText(true);
            content.getChildren().addAll(error, metadata(asset));
            return;
        }
        shownId = asset.id();
        studio.read(() -> pictures(asset.id()), pictures -> {
            if (shownId == asset.id()) {
                showReady(asset, pictures);
            }
        });
    }

    /** The asset's pictures, decoded off the JavaFX thread. */
    private Map<Thumbnail.Role, Image> pictures(long assetId) {
        Map<Thumbnail.Role, Image> pictures = new EnumMap<>(Thumbnail.Role.class);
        for (Thumbnail t : studio.thumbnails().all(assetId)) {
            pictures.put(t.role(), image(t));
        }
        return pictures;
    }

    private void showReady(Asset asset, Map<Thumbnail.Role, Image> pictures) {
        content.getChildren().add(preview(asset, pictures));
        log = new LogBar(studio, asset.id());
        content.getChildren().add(log.node());
        if (asset.kind() == MediaKind.VIDEO && previewStage != null && asset.info().displayWidth() != null) {
            // Right under the preview, where the crop window is drawn and dragged.
            reframe = new ReframePanel(studio, asset, previewStage, position);
            content.getChildren().add(reframe.node());
        }
        if (asset.kind() == MediaKind.VIDEO || asset.kind() == MediaKind.IMAGE) {
            color = new ColorPanel(studio, asset, position, PREVIEW_WIDTH);
            content.getChildren().add(color.node());
        }
        addPicture(pictures.get(Thumbnail.Role.FILMSTRIP), "Filmstrip");
        if (asset.kind() != MediaKind.IMAGE) {
            selects = new SelectsPanel(studio, asset.id(), this::seek);
            content.getChildren().add(selects.node());
        }
        if (asset.kind() != MediaKind.AUDIO) {
            tags = new TagsPanel(studio, asset, PREVIEW_WIDTH, position, this::seek, this::open);
            content.getChildren().add(tags.node());
        }
        addPicture(pictures.get(Thumbnail.Role.WAVEFORM), "Waveform");
        if (asset.kind() == MediaKind.VIDEO) {
            renders = new RendersList(studio, asset, opener);
            content.getChildren().add(renders.node());
        }
        content.getChildren().addAll(sectionLabel("Details"), metadata(asset));
        if (whenPlayedThrough != null && player != null && playButton != null) {
            double end = asset.info().durationSec() == null ? Double.MAX_VALUE : asset.info().durationSec() - 0.25;
            position.addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Number> o, Number was, Number now) {
                    if (now.doubleValue() >= end) {
                        position.removeListener(this);
                        if (shownId == asset.id()) {
                            playedThrough();
                        }
                    }
                }
            });
            playButton.fire();
        }
    }

    private void addPicture(Image picture, String title) {
        if (picture != null) {
            ImageView view = new ImageView(picture);
            view.setPreserveRatio(true);
            view.setFitWidth(PREVIEW_WIDTH);
            content.getChildren().addAll(sectionLabel(title), view);
        }
    }

    /** Plays or pauses the clip shown, as its play button does; the space bar's action. */
    public void togglePlay() {
        if (player != null && playButton != null) {
            playButton.fire();
        }
    }

    /** I: the in point of a select at the playhead. False when no clip with a timeline is shown. */
    public boolean markIn() {
        if (selects == null) return false;
        selects.markIn(position.get());
        return true;
    }

    /** O: the out point at the playhead; with an in point set, the select is made. */
    public boolean markOut() {
        if (selects == null) return false;
        selects.markOut(position.get());
        return true;
    }

    /** M: a marker at the playhead, with a note asked for. */
    public boolean addMarker() {
        if (selects == null) return false;
        if (player != null && player.isPlaying()) {
            togglePlay();
        }
        selects.addMarker(position.get(), root.getScene().getWindow());
        return true;
    }

    /** Lists the current asset's renders and tags again, so ones that finished meanwhile appear. */
    public void refresh() {
        if (log != null) {
            log.refresh();
        }
        if (selects != null) {
            selects.refresh();
        }
        if (renders != null) {
            renders.refresh();
        }
        if (tags != null) {
            tags.refresh();
        }
        if (reframe != null) {
            reframe.load();
        }
        if (color != null) {
            color.load();
        }
    }

    private void seek(double seconds) {
        if (player != null) {
            player.seek(seconds);
        }
    }

    /** Shows another asset, as when a "more like this" result is clicked. */
    private void open(long assetId) {
        studio.read(() -> studio.assets().find(assetId).orElse(null), found -> {
            if (found != null) {
                show(found);
            }
        });
    }

    private void showNothing() {
        FontIcon icon = new FontIcon(Feather.FILM);
        icon.getStyleClass().add("empty-icon");
        Label hint = new Label("Select a clip to preview it and see its details.");
        VBox box = new VBox(10, icon, hint);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(80, 0, 0, 0));
        content.getChildren().setAll(box);
    }

    private Node preview(Asset asset, Map<Thumbnail.Role, Image> pictures) {
        StackPane stage = new StackPane();
        previewStage = stage;
        stage.getStyleClass().add("preview");
        stage.setPrefSize(PREVIEW_WIDTH, PREVIEW_HEIGHT);
        stage.setMinHeight(PREVIEW_HEIGHT);
        MediaInfo info = asset.info();
        Node picture = cardPicture(pictures);
        if (info.kind() == MediaKind.IMAGE) {
            stage.getChildren().add(picture);
            loadFullPicture(asset.path(), info.exifOrientation(), (ImageView) picture);
            return stage;
        }
        player = createPlayer(asset, stage);
        position.bind(player.position());
        // The poster (or cover, or waveform) stands in until the player has a frame of its own.
        stage.getChildren().add(picture);
        Node view = player.view();
        fit(view);
        view.setRotate(info.rotationCw());
        stage.getChildren().add(view);
        return new VBox(8, stage, controls(info));
    }

    private Player createPlayer(Asset asset, StackPane stage) {
        Path path = asset.path();
        MediaInfo info = asset.info();
        Runnable toFrames = () -> {
            if (player instanceof FxMediaPlayer fx) {
                stage.getChildren().remove(fx.view());
                fx.dispose();
                boolean wasPlaying = fx.isPlaying();
                player = new FramePlayer(path, info.width(), info.height(), () -> { });
                position.bind(player.position());
                if (wasPlaying) {
                    player.play();
                }
                fit(player.view());
                player.view().setRotate(info.rotationCw());
                stage.getChildren().add(1, player.view()); // under the crop overlay, over the poster
            }
        };
        if (ClipModel.triesFxMedia(asset)) {
            try {
                return new FxMediaPlayer(path, toFrames);
            } catch (RuntimeException unsupported) {
                // JavaFX media refused the file up front (codec, platform plugin): decode it ourselves.
            }
        }
        return new FramePlayer(path, info.width(), info.height(), () -> { });
    }

    private HBox controls(MediaInfo info) {
        Button playPause = new Button(null, new FontIcon(Feather.PLAY));
        playPause.getStyleClass().add("button-circle");
        double duration = info.durationSec() == null ? 0 : info.durationSec();
        Slider scrub = new Slider(0, Math.max(duration, 0.01), 0);
        HBox.setHgrow(scrub, Priority.ALWAYS);
        Label time = new Label(LibraryText.duration(0.0) + " / " + LibraryText.duration(duration));
        time.getStyleClass().add("timecode");
        playButton = playPause;
        playPause.setOnAction(e -> {
            if (player.isPlaying()) {
                player.pause();
                playPause.setGraphic(new FontIcon(Feather.PLAY));
            } else {
                player.play();
                playPause.setGraphic(new FontIcon(Feather.PAUSE));
            }
        });
        if (scrubFollower != null) {
            position.removeListener(scrubFollower); // the last clip's controls stop following
        }
        scrubFollower = (o, a, t) -> {
            if (!scrub.isValueChanging()) {
                scrub.setValue(t.doubleValue());
            }
            time.setText(LibraryText.duration(t.doubleValue()) + " / " + LibraryText.duration(duration));
        };
        position.addListener(scrubFollower);
        scrub.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                player.seek(scrub.getValue());
            }
        });
        // A click on the bar (no drag) moves the value without a "changing" phase: seek then too.
        scrub.setOnMouseReleased(e -> player.seek(scrub.getValue()));
        HBox box = new HBox(10, playPause, scrub, time);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The poster shows at once; the picture at preview resolution replaces it when decoded. */
    private static void loadFullPicture(Path file, int exifOrientation, ImageView view) {
        CompletableFuture
                .supplyAsync(() -> {
                    try {
                        // Decoded in the media worker, off the JavaFX thread.
                        return PreviewPictures.still(file, exifOrientation, FULL_PICTURE_SIDE);
                    } catch (WorkerException e) {
                        return null; // the poster stays; the catalog already holds the error if any
                    }
                })
                .thenAccept(picture -> {
                    if (picture != null) {
                        Image image = SwingFXUtils.toFXImage(picture, null);
                        Platform.runLater(() -> view.setImage(image));
                    }
                });
    }

    private static Node cardPicture(Map<Thumbnail.Role, Image> pictures) {
        ImageView view = new ImageView();
        ThumbnailRepository.CARD_ROLES.stream().map(pictures::get).filter(Objects::nonNull)
                .findFirst().ifPresent(view::setImage);
        fit(view);
        return view;
    }

    private static void fit(Node node) {
        if (node instanceof ImageView iv) {
            iv.setFitWidth(PREVIEW_WIDTH);
            iv.setFitHeight(PREVIEW_HEIGHT);
            iv.setPreserveRatio(true);
        } else if (node instanceof MediaView mv) {
            mv.setFitWidth(PREVIEW_WIDTH);
            mv.setFitHeight(PREVIEW_HEIGHT);
        }
    }

    private static GridPane metadata(Asset asset) {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        grid.getStyleClass().add("metadata");
        int row = 0;
        for (Map.Entry<String, String> field : ClipModel.facts(asset).entrySet()) {
            Label key = new Label(field.getKey());
            key.getStyleClass().add("metadata-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(field.getValue());
            value.setWrapText(true);
            value.setMaxWidth(PREVIEW_WIDTH - 110);
            value.getStyleClass().add("metadata-value");
            grid.addRow(row++, key, value);
        }
        return grid;
    }

    static Label sectionLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-label");
        return label;
    }

    private static Image image(Thumbnail t) {
        return new Image(new ByteArrayInputStream(t.bytes()));
    }

    private void disposePlayer() {
        position.unbind();
        if (player != null) {
            player.dispose();
            player = null;
        }
    }
}
