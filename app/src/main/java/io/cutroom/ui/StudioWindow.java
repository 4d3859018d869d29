package io.cutroom.ui;

import io.cutroom.catalog.Asset;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.jobs.JobHandle;
import io.cutroom.media.MediaKind;
import io.cutroom.ui.clip.ClipView;
import io.cutroom.ui.jobs.JobsPanel;
import io.cutroom.ui.library.LibraryView;
import io.cutroom.ui.playlists.PlaylistsView;
import io.cutroom.ui.tags.TeachDialog;
import io.cutroom.ui.tags.ThresholdsDialog;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
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
    private final PlaylistsView playlists;

    public StudioWindow(Studio studio, Stage stage, Consumer<Path> opener) {
        this.studio = studio;
        this.stage = stage;
        ClipView clip = new ClipView(studio, opener);
        library = new LibraryView(studio, clip::show, this::chooseFiles, this::chooseFolder);
        JobsPanel jobs = new JobsPanel(studio);
        playlists = new PlaylistsView(studio, clip);
        Tab libraryTab = new Tab("Library", library.node());
        Tab playlistsTab = new Tab("Playlists", playlists.node());
        playlistsTab.setId("playlists-tab");
        playlistsTab.selectedProperty().addListener((o, was, now) -> playlists.setShowing(now));
        TabPane screens = new TabPane(libraryTab, playlistsTab);
        screens.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
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

    /**
     * Unless the user is typing: space plays and pauses the clip; 0-5, P, X, U and 6-9 log the selected cards as in
     * Lightroom; I, O and M set in and out points and add a marker on the clip shown. Ctrl+F goes to the search box.
     */
    private void enableKeys(ClipView clip) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = root.getScene() != null
                    && root.getScene().getFocusOwner() instanceof TextInputControl;
            boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
            if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
                library.focusSearch();
                e.consume();
            } else if (typing || !plain) {
                return;
            } else if (e.getCode() == KeyCode.SPACE) {
                clip.togglePlay();
                e.consume();
            } else if (e.getCode() == KeyCode.I ? clip.markIn() : e.getCode() == KeyCode.O ? clip.markOut()
                    : e.getCode() == KeyCode.M ? clip.addMarker() : library.logSelected(e.getCode())) {
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
    public Optional<JobHandle<List<ImportOutcome>>> importPaths(List<Path> paths) {
        return paths.isEmpty() ? Optional.empty() : Optional.of(studio.importPaths(paths));
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
        MenuItem missing = new MenuItem("Find Missing Files");
        missing.setOnAction(e -> library.findMissingFiles());
        MenuItem relink = new MenuItem("Relink…");
        relink.setOnAction(e -> chooseRelinkFolder());
        MenuItem timeline = new MenuItem("Export Timeline…");
        timeline.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        timeline.setOnAction(e -> library.exportTimeline(null));
        MenuItem catalog = new MenuItem("Catalog…");
        catalog.setOnAction(e -> CatalogDialog.show(root.getScene().getWindow(), studio));
        Menu file = new Menu("File", null, files, folder, new SeparatorMenuItem(), missing, relink, timeline,
                new SeparatorMenuItem(), catalog, new SeparatorMenuItem(), quit);
        return new MenuBar(file, tagsMenu());
    }

    private Menu tagsMenu() {
        MenuItem untagged = new MenuItem("Tag Untagged");
        untagged.setOnAction(e -> studio.tagging().tagUntagged());
        CheckMenuItem automatic = new CheckMenuItem("Tag New Imports Automatically");
        automatic.setSelected(studio.tagging().isAutomatic());
        automatic.setOnAction(e -> studio.tagging().setAutomatic(automatic.isSelected()));
        MenuItem teach = new MenuItem("Teach Tag from Selection…");
        teach.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        teach.setOnAction(e -> {
            List<Asset> chosen = library.selectedAssets().stream()
                    .filter(a -> a.isReady() && a.kind() != MediaKind.AUDIO).toList();
            if (chosen.isEmpty()) {
                new Alert(Alert.AlertType.INFORMATION,
                        "Select the clips or stills that show the tag first: click one, then Ctrl-click the others.")
                        .showAndWait();
            } else {
                TeachDialog.ask(stage, studio, chosen);
            }
        });
        MenuItem nodes = new MenuItem("Queue Untagged for Nodes");
        nodes.setOnAction(e -> studio.tagging().queueUntaggedForNodes(said -> new Alert(Alert.AlertType.INFORMATION, said).show()));
        CheckMenuItem working = new CheckMenuItem("Work for the Queue on This Workstation");
        working.setSelected(studio.worksForQueue());
        working.setOnAction(e -> studio.workForQueue(working.isSelected()));
        MenuItem thresholds = new MenuItem("Thresholds…");
        thresholds.setOnAction(e -> ThresholdsDialog.show(stage, studio));
        Menu tags = new Menu("Tags", null, untagged, automatic, new SeparatorMenuItem(), nodes, working,
                new SeparatorMenuItem(), teach, thresholds);
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

    /** Asks for a folder where moved files may be, relinks from it, and says what it found. */
    private void chooseRelinkFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Relink: the folder the missing files were moved to");
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            studio.relink(chosen.toPath()).result().whenComplete((report, error) -> Platform.runLater(() -> {
                if (report != null) {
                    new Alert(Alert.AlertType.INFORMATION, RelinkText.of(report)).show();
                }
            }));
        }
    }

    private void enableDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                root.pseudoClassStateChanged(PseudoClass.getPseudoClass("drop-target"), true);
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.pseudoClassStateChanged(PseudoClass.getPseudoClass("drop-target"), false));
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
