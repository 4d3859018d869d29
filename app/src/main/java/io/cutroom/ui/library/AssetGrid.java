package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;

/**
 * A virtual grid of cards: a list whose rows hold as many cards as fit the width. Only the rows on
 * screen exist as nodes, so a catalog of tens of thousands of clips scrolls as lightly as one of ten.
 */
final class AssetGrid {
    private static final double GAP = 14;
    private static final double CARD_WIDTH = AssetCard.PICTURE_WIDTH + 2 * 8 + 2;

    private final ListView<List<Asset>> rows = new ListView<>();
    private final Function<Asset, AssetCard> cardFor;
    private List<Asset> assets = List.of();
    private int columns = 1;

    AssetGrid(Function<Asset, AssetCard> cardFor) {
        this.cardFor = cardFor;
        rows.getStyleClass().add("library-grid");
        rows.setFocusTraversable(false);
        rows.setCellFactory(list -> new RowCell());
        rows.widthProperty().addListener((o, before, width) -> {
            int fit = Math.max(1, (int) ((width.doubleValue() - 2 * GAP - 16) / (CARD_WIDTH + GAP)));
            if (fit != columns) {
                columns = fit;
                layOut();
            }
        });
    }

    Node node() {
        return rows;
    }

    List<Asset> assets() {
        return assets;
    }

    void setAssets(List<Asset> shown) {
        if (!shown.equals(assets)) {
            assets = List.copyOf(shown);
            layOut();
        } else {
            rows.refresh();
        }
    }

    /** Scrolls so the row holding the asset is wholly on screen, if it is shown; a row already there stays put. */
    void reveal(long assetId) {
        for (int i = 0; i < assets.size(); i++) {
            if (assets.get(i).id() == assetId) {
                int row = i / columns;
                if (!whollyShown(row)) {
                    rows.scrollTo(row);
                }
                return;
            }
        }
    }

    private boolean whollyShown(int row) {
        if (!(rows.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        IndexedCell<?> cell = flow.getVisibleCell(row);
        if (cell == null || !cell.isVisible()) {
            return false;
        }
        Bounds within = rows.sceneToLocal(cell.localToScene(cell.getBoundsInLocal()));
        return within.getMinY() >= 0 && within.getMaxY() <= rows.getHeight();
    }

    private void layOut() {
        List<List<Asset>> chunks = new ArrayList<>();
        for (int i = 0; i < assets.size(); i += columns) {
            chunks.add(assets.subList(i, Math.min(assets.size(), i + columns)));
        }
        rows.getItems().setAll(chunks);
    }

    private final class RowCell extends ListCell<List<Asset>> {
        private final HBox row = new HBox(GAP);

        RowCell() {
            row.setPadding(new Insets(GAP / 2, GAP, GAP / 2, GAP));
            getStyleClass().add("library-row");
        }

        @Override
        protected void updateItem(List<Asset> item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            List<Node> cards = new ArrayList<>(item.size());
            for (Asset asset : item) {
                cards.add(cardFor.apply(asset));
            }
            row.getChildren().setAll(cards);
            setGraphic(row);
        }
    }
}
