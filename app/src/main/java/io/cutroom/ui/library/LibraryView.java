package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetFilter;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetOrder;
import io.cutroom.media.MediaKind;
import io.cutroom.ui.Studio;
import io.cutroom.ui.TagScore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The library grid with its search box and filters. The catalog is read off the JavaFX thread and
 * card pictures load in the background, so a large catalog never freezes the window.
 */
public final class LibraryView {
    private static final String ALL_CODECS = "Any codec";
    private static final String ALL_KINDS = "All kinds";
    private static final String ANY_TAG = "Any tag";

    private final Studio studio;
    private final Consumer<Asset> onSelect;
    private final BorderPane root = new BorderPane();
    private final CollectionsSidebar sidebar;
    private final AssetGrid grid = new AssetGrid(this::cardFor);
    private final TextField search = new TextField();
    private final ComboBox<String> kind = new ComboBox<>();
    private final ComboBox<AssetFilter.DurationRange> duration = new ComboBox<>();
    private final ComboBox<String> codec = new ComboBox<>();
    private final ComboBox<AssetOrder> order = new ComboBox<>();
    private final ComboBox<String> tagFilter = new ComboBox<>();
    private final SimilarBanner similarBanner = new SimilarBanner(this::clearSimilar);
    private final Label count = new Label();
    private final VBox emptyState;
    private final Map<String, Image> pictures = new HashMap<>();
    /** Which files are missing; looked at again only for new paths, or after a while (a drive may come back). */
    private final FilePresence presence = new FilePresence();
    /** Cards are kept between refreshes: an import adding one file must not rebuild a thousand cards. */
    private final Map<Long, AssetCard> cardsById = new HashMap<>();
    /** The filters, order, "more like this" and the selection (Ctrl-click adds cards: the examples when teaching a tag). */
    private final LibraryModel model = new LibraryModel();

    public LibraryView(Studio studio, Consumer<Asset> onSelect, Runnable importFiles, Runnable importFolder) {
        this.studio = studio;
        this.onSelect = onSelect;
        emptyState = emptyState(importFiles);
        StackPane body = new StackPane(grid.node(), emptyState);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox main = new VBox(toolbar(importFiles, importFolder), similarBanner.node(), body);
        sidebar = new CollectionsSidebar(studio, this::showCollection, this::addToCollection, this::exportTimeline);
        root.setLeft(sidebar.node());
        root.setCenter(main);
        root.getStyleClass().add("library");
        studio.onCatalogChanged(this::reload);
        reload();
    }

    public Node node() {
        return root;
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Cards currently shown, in order; for tests and keyboard navigation. */
    public List<Asset> shownAssets() {
        return grid.assets();
    }

    /**
     * Reads the catalog again in the background, with what was logged, which files are missing and what the
     * collection shown holds now; the studio already collapses bursts of changes.
     */
    public void reload() {
        reload(offline -> { });
    }

    /** The same, then hands the files found missing to {@code then}, on the JavaFX thread. */
    private void reload(Consumer<Set<Long>> then) {
        record Snapshot(List<Asset> assets, Map<Long, List<TagScore>> tags, Map<Long, AssetLog> logs, Set<Long> offline,
                        List<Long> scope) {
        }
        String scopeName = model.scopeName();
        studio.read(() -> {
            List<Asset> assets = studio.assets().all();
            Set<Long> offline = presence.offline(assets);
            return new Snapshot(assets, studio.tagging().shownTags(), studio.curation().logs(), offline, membersOf(scopeName));
        }, snapshot -> {
            model.load(snapshot.assets(), snapshot.tags(), snapshot.logs(), snapshot.offline());
            if (Objects.equals(scopeName, model.scopeName())) {
                model.setScope(snapshot.scope() == null ? null : scopeName, snapshot.scope() == null ? List.of() : snapshot.scope());
            }
            refreshCodecs();
            refreshTags();
            applyFilter();
            then.accept(snapshot.offline());
        });
        sidebar.reload();
    }

    /** The ids a collection holds now, or null for none picked or one that is gone; on the reader thread. */
    private List<Long> membersOf(String collection) {
        if (collection == null) {
            return null;
        }
        try {
            return studio.curation().memberIds(collection);
        } catch (IllegalArgumentException gone) {
            return null;
        }
    }

    /**
     * Looks at every file again now instead of within half a minute, then says how many are missing: File ▸ Find
     * Missing Files, for a drive just unplugged or a folder just moved.
     */
    public void findMissingFiles() {
        presence.forget();
        reload(offline -> new Alert(Alert.AlertType.INFORMATION, offline.isEmpty() ? "Every file is where the catalog says it is."
                : offline.size() + (offline.size() == 1 ? " file is" : " files are")
                        + " offline. File ▸ Relink… finds moved files by content.").show());
    }

    /** Narrows the library to a collection ({@code path}), or shows every asset again (null). */
    private void showCollection(String path) {
        if (Objects.equals(path, model.scopeName())) {
            return;
        }
        studio.read(() -> membersOf(path), ids -> {
            model.setScope(ids == null ? null : path, ids == null ? List.of() : ids);
            applyFilter();
        });
    }

    /** The manual collections cards can be added to, by path. */
    List<String> manualCollections() {
        return sidebar.manualCollections();
    }

    void addToCollection(String path, List<Long> ids) {
        studio.change(() -> studio.curation().addToCollection(path, ids), added -> studio.changed(),
                why -> new Alert(Alert.AlertType.WARNING, why).showAndWait());
    }

    /** Asks for a format, an aspect and a file, and writes the collection as a timeline. */
    public void exportTimeline(String path) {
        ExportTimelineDialog.ask(root.getScene().getWindow(), studio, path);
    }

    /**
     * Logs the selected assets as Lightroom's keys do: 0 to 5 stars, P pick, X reject, U neither, 6 to 9 the red,
     * yellow, green and blue labels (pressed again, the label comes off). False when the key means none of these
     * or nothing is selected.
     */
    public boolean logSelected(KeyCode key) {
        List<Long> ids = model.selected().stream().map(Asset::id).toList();
        Optional<LogKeys.Change> change = LogKeys.of(key);
        if (ids.isEmpty() || change.isEmpty()) {
            return false;
        }
        studio.change(() -> {
            ids.forEach(id -> change.get().apply(studio.curation(), id));
            return ids.size();
        }, done -> studio.changed(), why -> new Alert(Alert.AlertType.WARNING, why).showAndWait());
        return true;
    }

    /** Scrolls the grid to the asset's card, if the filters show it. */
    public void reveal(long assetId) {
        grid.reveal(assetId);
    }

    /** The selected assets, in the order they were picked. */
    public List<Asset> selectedAssets() {
        return model.selected();
    }

    /** Shows the assets most like this one, most alike first, until the banner is closed. */
    public void showSimilar(Asset asset) {
        studio.read(() -> studio.tagging().similarAssets(asset.id(), SIMILAR_SHOWN), matches -> {
            Map<Long, Double> scores = new LinkedHashMap<>();
            matches.forEach(m -> scores.put(m.shot().assetId(), m.similarity()));
            model.showSimilar(scores);
            similarBanner.show(asset, scores.isEmpty());
            applyFilter();
        });
    }

    private void clearSimilar() {
        model.clearSimilar();
        similarBanner.hide();
        applyFilter();
    }

    private VBox toolbar(Runnable importFiles, Runnable importFolder) {
        search.setPromptText("Search names, codecs, tags…");
        search.setPrefColumnCount(20);
        search.setMinWidth(150);
        HBox.setHgrow(search, Priority.ALWAYS);
        search.textProperty().addListener((o, a, b) -> applyFilter());
        FontIcon searchIcon = new FontIcon(Feather.SEARCH);
        kind.getItems().add(ALL_KINDS);
        Stream.of(MediaKind.values()).map(k -> capitalise(k.id())).forEach(kind.getItems()::add);
        kind.setValue(ALL_KINDS);
        kind.valueProperty().addListener((o, a, b) -> applyFilter());
        duration.getItems().addAll(AssetFilter.DurationRange.values());
        duration.setValue(AssetFilter.DurationRange.ANY);
        duration.setConverter(new StringConverter<>() {
            @Override
            public String toString(AssetFilter.DurationRange r) {
                return r == null ? "" : r.label();
            }

            @Override
            public AssetFilter.DurationRange fromString(String s) {
                return AssetFilter.DurationRange.ANY;
            }
        });
        duration.valueProperty().addListener((o, a, b) -> applyFilter());
        codec.getItems().add(ALL_CODECS);
        codec.setValue(ALL_CODECS);
        codec.valueProperty().addListener((o, a, b) -> applyFilter());
        order.getItems().addAll(AssetOrder.values());
        order.setValue(AssetOrder.NEWEST);
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(AssetOrder o) {
                return o == null ? "" : o.label();
            }

            @Override
            public AssetOrder fromString(String s) {
                return AssetOrder.NEWEST;
            }
        });
        order.valueProperty().addListener((o, a, b) -> applyFilter());
        MenuItem files = new MenuItem("Files…", new FontIcon(Feather.FILE_PLUS));
        files.setOnAction(e -> importFiles.run());
        MenuItem folder = new MenuItem("Folder…", new FontIcon(Feather.FOLDER_PLUS));
        folder.setOnAction(e -> importFolder.run());
        MenuButton importButton = new MenuButton("Import", new FontIcon(Feather.DOWNLOAD), files, folder);
        importButton.getStyleClass().add("accent");
        count.getStyleClass().add("count-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (Region r : List.of(kind, duration, codec, order, importButton, count)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Search and import on the first row, filters and order below: the bar fits a narrow library pane.
        HBox top = new HBox(10, searchIcon, search, spacer, count, importButton);
        top.setAlignment(Pos.CENTER_LEFT);
        tagFilter.getItems().add(ANY_TAG);
        tagFilter.setValue(ANY_TAG);
        tagFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        tagFilter.setMinWidth(Region.USE_PREF_SIZE);
        // The filters wrap onto a second line rather than being cut off when the library pane is narrow.
        FlowPane filters = new FlowPane(10, 8, kind, duration, codec, tagFilter, order);
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, top, filters);
        bar.setPadding(new Insets(10, 16, 10, 16));
        bar.getStyleClass().add("library-toolbar");
        return bar;
    }

    private VBox emptyState(Runnable importFiles) {
        FontIcon icon = new FontIcon(Feather.UPLOAD_CLOUD);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label("Your catalog is empty");
        title.getStyleClass().add("title-3");
        Label hint = new Label("Drop video, audio or stills anywhere in this window, or import them.");
        Button button = new Button("Import Files…");
        button.setOnAction(e -> importFiles.run());
        VBox box = new VBox(12, icon, title, hint, button);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        box.setMouseTransparent(false);
        box.setPickOnBounds(false);
        return box;
    }

    private void refreshCodecs() {
        List<String> items = new ArrayList<>();
        items.add(ALL_CODECS);
        items.addAll(model.codecs());
        if (!items.equals(codec.getItems())) {
            codec.getItems().setAll(items);
            codec.setValue(model.codec() == null ? ALL_CODECS : model.codec());
        }
    }

    /** Tags in the catalog, the most widespread first, as the tag filter offers them. */
    private void refreshTags() {
        List<String> items = new ArrayList<>();
        items.add(ANY_TAG);
        items.addAll(model.tags());
        if (!items.equals(tagFilter.getItems())) {
            tagFilter.getItems().setAll(items);
            tagFilter.setValue(model.tag() == null ? ANY_TAG : model.tag());
        }
    }

    /** Hands the controls' values to the model and draws what it shows. */
    private void applyFilter() {
        model.setText(search.getText());
        model.setKind(ALL_KINDS.equals(kind.getValue()) || kind.getValue() == null ? null : MediaKind.fromId(kind.getValue()));
        model.setDuration(duration.getValue());
        model.setCodec(ALL_CODECS.equals(codec.getValue()) ? null : codec.getValue());
        model.setTag(ANY_TAG.equals(tagFilter.getValue()) ? null : tagFilter.getValue());
        model.setOrder(order.getValue());
        List<Asset> shown = model.shown();
        grid.setAssets(shown);
        count.setText(model.countText(shown));
        emptyState.setVisible(model.isEmpty());
    }

    /** The card for an asset: kept while the asset is unchanged, so its picture loads once. */
    private AssetCard cardFor(Asset asset) {
        AssetCard card = cardsById.get(asset.id());
        List<TagScore> tags = model.cardTags(asset.id());
        AssetLog log = model.log(asset.id());
        boolean offline = model.isOffline(asset.id());
        if (card == null || !card.shows(asset, tags, log, offline)) {
            card = new AssetCard(asset, tags, log, offline);
            AssetCard created = card;
            card.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    select(created, e.isShortcutDown());
                }
            });
            card.setOnDragDetected(e -> {
                List<Long> dragged = model.isSelected(created.asset().id())
                        ? model.selected().stream().map(Asset::id).toList() : List.of(created.asset().id());
                Dragboard board = created.startDragAndDrop(TransferMode.LINK);
                CardDrag.put(board, dragged);
                board.setDragView(created.snapshot(null, null));
                e.consume();
            });
            card.setOnContextMenuRequested(e -> {
                if (!model.isSelected(created.asset().id())) {
                    select(created, false);
                }
                new CardMenu(studio, this, created.asset()).show(created, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            Double alike = model.similarity(asset.id());
            if (alike != null) {
                Tooltip.install(card, new Tooltip(Math.round(alike * 100) + "% alike"));
            }
            cardsById.put(asset.id(), card);
            loadPicture(card);
        }
        card.pseudoClassStateChanged(SELECTED, model.isSelected(asset.id()));
        return card;
    }

    /** A plain click selects one card and shows it; a shortcut-click adds or removes a card from the selection. */
    private void select(AssetCard card, boolean adding) {
        model.select(card.asset().id(), adding);
        cardsById.values().forEach(c -> c.pseudoClassStateChanged(SELECTED, model.isSelected(c.asset().id())));
        if (!adding) {
            onSelect.accept(card.asset());
        }
    }

    private void loadPicture(AssetCard card) {
        Asset asset = card.asset();
        String key = asset.sha256() + "@" + asset.importedAt();
        Image cached = pictures.get(key);
        if (cached != null) {
            card.setPicture(cached);
            return;
        }
        studio.read(() -> studio.thumbnails().cardPicture(asset.id())
                .map(t -> new Image(new ByteArrayInputStream(t.bytes()))).orElse(null), image -> {
                    if (image != null) {
                        pictures.put(key, image);
                        card.setPicture(image);
                    }
                });
    }

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final int SIMILAR_SHOWN = 24;

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
