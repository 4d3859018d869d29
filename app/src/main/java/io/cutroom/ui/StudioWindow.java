package io.cutroom.ui;

import io.cutroom.ui.clip.ClipView;
import io.cutroom.ui.jobs.JobsPanel;
import io.cutroom.ui.library.LibraryView;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The studio's main window: library and playlists on the left, the selected clip on the right, jobs below. */
public final class StudioWindow {
    private final Studio studio;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final LibraryView library;
    private final io.cutroom.ui.playlists.PlaylistsView playlists;

    public StudioWindow(Studio studio, Stage stage, java.util.function.Consumer<Path> opener) {
        this.studio = studio;
        this.stage = stage;
        ClipView clip = new ClipView(studio, opener);
        library = new LibraryView(studio, clip::show, this::chooseFiles, this::chooseFolder);
        JobsPanel jobs = new JobsPanel(studio);
        playlists = new io.cutroom.ui.playlists.PlaylistsView(studio, clip);
        javafx.scene.control.Tab libraryTab = new javafx.scene.control.Tab("Library", library.node());
        javafx.scene.control.Tab playlistsTab = new javafx.scene.control.Tab("Playlists", playlists.node());
        playlistsTab.setId("playlists-tab");
        playlistsTab.selectedProperty().addListener((o, was, now) -> playlists.setShowing(now));
        javafx.scene.control.TabPane screens = new javafx.scene.control.TabPane(libraryTab, playlistsTab);
        screens.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(screens, clip.node());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.63);
        root.setTop(menuBar());
        root.setCenter(split);
        root.setBottom(jobs.node());
        root.getStyleClass().add("studio");
        enableDrop();
        enableKeys(clip);
    }

    /** Space plays and pauses the clip, unless the user is typing; Ctrl+F goes to the search box. */
    private void enableKeys(ClipView clip) {
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean typing = root.getScene() != null
                    && root.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl;
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && !typing) {
                clip.togglePlay();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.F && e.isShortcutDown()) {
                library.focusSearch();
                e.consume();
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    public LibraryView library() {
        return library;
    }

    /** What the menu, the dialogs and drag-and-drop all end in. */
    public java.util.Optional<io.cutroom.jobs.JobHandle<List<io.cutroom.ingest.ImportOutcome>>> importPaths(List<Path> paths) {
        return paths.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(studio.importPaths(paths));
    }

    private MenuBar menuBar() {
        MenuItem files = new MenuItem("Import Files…");
        files.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        files.setOnAction(e -> chooseFiles());
        MenuItem folder = new MenuItem("Import Folder…");
        folder.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+I"));
        folder.setOnAction(e -> chooseFolder());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, files, folder, new SeparatorMenuItem(), quit);
        return new MenuBar(file, tagsMenu());
    }

    private Menu tagsMenu() {
        MenuItem untagged = new MenuItem("Tag Untagged");
        untagged.setOnAction(e -> studio.tagging().tagUntagged());
        javafx.scene.control.CheckMenuItem automatic = new javafx.scene.control.CheckMenuItem("Tag New Imports Automatically");
        automatic.setSelected(studio.tagging().isAutomatic());
        automatic.setOnAction(e -> studio.tagging().setAutomatic(automatic.isSelected()));
        MenuItem teach = new MenuItem("Teach Tag from Selection…");
        teach.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        teach.setOnAction(e -> {
            List<io.cutroom.catalog.Asset> chosen = library.selectedAssets().stream()
                    .filter(a -> a.isReady() && a.kind() != io.cutroom.media.MediaKind.AUDIO).toList();
            if (chosen.isEmpty()) {
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                        "Select the clips or stills that show the tag first: click one, then Ctrl-click the others.")
                        .showAndWait();
            } else {
                io.cutroom.ui.tags.TeachDialog.ask(stage, studio, chosen);
            }
        });
        MenuItem thresholds = new MenuItem("Thresholds…");
        thresholds.setOnAction(e -> io.cutroom.ui.tags.ThresholdsDialog.show(stage, studio));
        Menu tags = new Menu("Tags", null, untagged, automatic, new SeparatorMenuItem(), teach, thresholds);
        tags.setOnShowing(e -> automatic.setSelected(studio.tagging().isAutomatic()));
        return tags;
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import media files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Media", "*.mp4", "*.mov", "*.mkv", "*.webm", "*.avi", "*.mxf",
                        "*.m4v", "*.mts", "*.wav", "*.flac", "*.mp3", "*.m4a", "*.aac", "*.ogg", "*.opus",
                        "*.aif", "*.aiff", "*.jpg", "*.jpeg", "*.png", "*.tif", "*.tiff", "*.webp", "*.bmp"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        if (chosen != null) {
            importPaths(chosen.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import a folder of media");
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            importPaths(List.of(chosen.toPath()));
        }
    }

    private void enableDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), true);
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-target"), false));
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                importPaths(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
