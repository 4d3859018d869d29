package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import io.cutroom.media.MediaKind;
import io.cutroom.ui.Studio;
import io.cutroom.ui.tags.TeachDialog;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What a right-click on a card offers: tagging, "more like this", teaching a tag from the selection, and adding the
 * selection to a collection (as dragging the cards onto it does).
 */
final class CardMenu {
    private final ContextMenu menu = new ContextMenu();

    CardMenu(Studio studio, LibraryView library, Asset clicked) {
        List<Asset> selection = library.selectedAssets().isEmpty() ? List.of(clicked) : library.selectedAssets();
        List<Asset> taggable = selection.stream().filter(a -> a.isReady() && a.kind() != MediaKind.AUDIO).toList();
        String what = selection.size() == 1 ? "" : " (" + selection.size() + " selected)";

        MenuItem tag = new MenuItem("Tag Again" + what, new FontIcon(Feather.TAG));
        tag.setDisable(taggable.isEmpty());
        tag.setOnAction(e -> studio.tagging().tag(taggable));

        MenuItem similar = new MenuItem("More Like This", new FontIcon(Feather.LAYERS));
        similar.setDisable(!taggable.contains(clicked));
        similar.setOnAction(e -> library.showSimilar(clicked));

        MenuItem teach = new MenuItem("Teach Tag from Selection…" + what, new FontIcon(Feather.BOOK_OPEN));
        teach.setDisable(taggable.isEmpty());
        teach.setOnAction(e -> TeachDialog.ask(library.node().getScene().getWindow(), studio, taggable));
        Menu collect = new Menu("Add to Collection" + what, new FontIcon(Feather.FOLDER_PLUS));
        collect.setId("add-to-collection");
        for (String path : library.manualCollections()) {
            MenuItem into = new MenuItem(path);
            into.setOnAction(e -> library.addToCollection(path, selection.stream().map(Asset::id).toList()));
            collect.getItems().add(into);
        }
        collect.setDisable(collect.getItems().isEmpty());
        menu.getItems().addAll(tag, similar, new SeparatorMenuItem(), teach, collect);
    }

    void show(Node anchor, double screenX, double screenY) {
        menu.show(anchor, screenX, screenY);
    }
}
