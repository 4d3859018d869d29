package io.cutroom.ui.library;

import io.cutroom.ui.Studio;
import io.cutroom.usecases.Curation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The library's sidebar: every item, then the collections as a tree of folders, manual ones (bins) and smart ones
 * (saved searches) with how many assets each holds. Picking one narrows the library to it; cards dropped on a
 * manual collection join it.
 */
final class CollectionsSidebar {
    /** A row of the tree: a collection's path and how it is listed, or the "All items" row (path null). */
    record Entry(String path, String name, boolean smart, int count) {
    }

    private final Studio studio;
    private final TreeView<Entry> tree = new TreeView<>();
    private final VBox root = new VBox(6);
    private final Consumer<String> onPick;
    private final BiConsumer<String, List<Long>> onDrop;
    private final Consumer<String> onExport;
    private final TreeItem<Entry> all = new TreeItem<>(new Entry(null, "All items", false, -1));
    /** The manual collections at the last listing, by path: where cards can be added. */
    private List<String> manual = List.of();

    CollectionsSidebar(Studio studio, Consumer<String> onPick, BiConsumer<String, List<Long>> onDrop, Consumer<String> onExport) {
        this.studio = studio;
        this.onPick = onPick;
        this.onDrop = onDrop;
        this.onExport = onExport;
        TreeItem<Entry> top = new TreeItem<>();
        top.getChildren().add(all);
        tree.setRoot(top);
        tree.setShowRoot(false);
        tree.setId("collections");
        tree.setCellFactory(t -> new EntryCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue() != null) {
                onPick.accept(now.getValue().path());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label title = new Label("Collections");
        title.getStyleClass().add("sidebar-title");
        Button add = new Button(null, new FontIcon(Feather.FOLDER_PLUS));
        add.setId("new-collection");
        add.setTooltip(new Tooltip("New collection: a bin to drop cards into (Folder/Name makes it inside a folder)"));
        add.setOnAction(e -> create(false));
        add.getStyleClass().addAll("flat", "small");
        Button smart = new Button(null, new FontIcon(Feather.ZAP));
        smart.setId("new-smart-collection");
        smart.setTooltip(new Tooltip("New smart collection: a saved search, such as tag:dog rating>=3"));
        smart.setOnAction(e -> create(true));
        smart.getStyleClass().addAll("flat", "small");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(2, title, spacer, add, smart);
        header.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(header, tree);
        root.setPadding(new Insets(10, 6, 10, 10));
        root.getStyleClass().add("collections-sidebar");
        root.setPrefWidth(180);
        root.setMinWidth(180);
        root.setMaxWidth(180);
        tree.getSelectionModel().select(all);
    }

    Node node() {
        return root;
    }

    /** Lists the collections again in the background, keeping the picked one. */
    void reload() {
        studio.read(() -> studio.curation().collections(), this::show);
    }

    /** The manual collections (bins) as last listed, by path. */
    List<String> manualCollections() {
        return manual;
    }

    private void show(List<Curation.Listed> listed) {
        manual = listed.stream().filter(c -> !c.collection().isSmart()).map(Curation.Listed::path).toList();
        TreeItem<Entry> picked = tree.getSelectionModel().getSelectedItem();
        String pickedPath = picked == null || picked.getValue() == null ? null : picked.getValue().path();
        TreeItem<Entry> top = tree.getRoot();
        top.getChildren().setAll(List.of(all));
        Map<String, TreeItem<Entry>> byPath = new HashMap<>();
        TreeItem<Entry> again = all;
        for (Curation.Listed c : listed) {
            TreeItem<Entry> item = new TreeItem<>(new Entry(c.path(), c.collection().name(), c.collection().isSmart(), c.count()));
            item.setExpanded(true);
            int slash = c.path().lastIndexOf('/');
            TreeItem<Entry> parent = slash < 0 ? top : byPath.getOrDefault(c.path().substring(0, slash), top);
            parent.getChildren().add(item);
            byPath.put(c.path(), item);
            if (c.path().equals(pickedPath)) {
                again = item;
            }
        }
        // A folder that only holds other collections shows no count: "Client A 0" reads as an empty bin.
        byPath.values().forEach(item -> {
            Entry e = item.getValue();
            if (!item.getChildren().isEmpty() && e.count() == 0 && !e.smart()) {
                item.setValue(new Entry(e.path(), e.name(), false, -1));
            }
        });
        tree.getSelectionModel().select(again);
    }

    private void create(boolean smart) {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle(smart ? "New Smart Collection" : "New Collection");
        ask.setHeaderText(smart ? "A smart collection holds whatever its search finds, now and later."
                : "A collection holds the cards you drop on it. Folder/Name puts it inside a folder.");
        ask.setContentText("Name:");
        Optional<String> name = ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return;
        }
        String query = null;
        if (smart) {
            TextInputDialog search = new TextInputDialog("tag:dog rating>=3");
            search.setTitle("New Smart Collection");
            search.setHeaderText("Terms: tag:dog  tag:dog>=0.8  kind:video  length>10  codec:h264  rating>=3  flag:pick\n"
                    + "label:red  collection:\"Day 1\"  date>=2026-01-01  words;  and, or, not, parentheses.");
            search.setContentText("Search:");
            Optional<String> typed = search.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
            if (typed.isEmpty()) {
                return;
            }
            query = typed.get();
        }
        String saved = query;
        studio.change(() -> studio.curation().createCollection(name.get(), saved), made -> {
            studio.changed();
            reload();
        }, why -> new Alert(Alert.AlertType.WARNING, why).showAndWait());
    }

    private final class EntryCell extends TreeCell<Entry> {
        EntryCell() {
            setOnDragOver(e -> {
                Entry entry = getItem();
                if (entry != null && entry.path() != null && !entry.smart() && CardDrag.holdsCards(e.getDragboard())) {
                    e.acceptTransferModes(TransferMode.LINK);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                Entry entry = getItem();
                boolean taken = entry != null && entry.path() != null && CardDrag.holdsCards(e.getDragboard());
                if (taken) {
                    onDrop.accept(entry.path(), CardDrag.ids(e.getDragboard()));
                }
                e.setDropCompleted(taken);
                e.consume();
            });
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            setText(entry.count() < 0 ? entry.name() : entry.name() + "  " + entry.count());
            setGraphic(new FontIcon(entry.path() == null ? Feather.GRID : entry.smart() ? Feather.ZAP : Feather.FOLDER));
            if (entry.path() == null) {
                setContextMenu(null);
                return;
            }
            MenuItem export = new MenuItem("Export Timeline…", new FontIcon(Feather.FILM));
            export.setOnAction(e -> onExport.accept(entry.path()));
            setContextMenu(new ContextMenu(export));
        }
    }
}
