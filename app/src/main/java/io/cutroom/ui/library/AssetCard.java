package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import io.cutroom.media.MediaKind;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One asset in the library grid: its picture, name, duration and a kind badge; failures in red. */
final class AssetCard extends VBox {
    static final double PICTURE_WIDTH = 208;
    static final double PICTURE_HEIGHT = 117;

    private final Asset asset;
    private final ImageView picture = new ImageView();

    AssetCard(Asset asset) {
        this.asset = asset;
        getStyleClass().add("asset-card");
        setSpacing(6);
        picture.setFitWidth(PICTURE_WIDTH);
        picture.setFitHeight(PICTURE_HEIGHT);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        FontIcon placeholder = placeholderIcon();
        placeholder.visibleProperty().bind(picture.imageProperty().isNull());
        StackPane frame = new StackPane(placeholder, picture, badges());
        frame.getStyleClass().add("asset-picture");
        frame.setMinSize(PICTURE_WIDTH, PICTURE_HEIGHT);
        frame.setPrefSize(PICTURE_WIDTH, PICTURE_HEIGHT);
        frame.setMaxSize(PICTURE_WIDTH, PICTURE_HEIGHT);

        Label name = new Label(asset.fileName());
        name.getStyleClass().add("asset-name");
        name.setMaxWidth(PICTURE_WIDTH);
        Label detail = new Label(LibraryText.detail(asset));
        detail.getStyleClass().add("asset-detail");
        detail.setMaxWidth(PICTURE_WIDTH);
        getChildren().addAll(frame, name, detail);
        if (!asset.isReady()) {
            getStyleClass().add("failed");
            Tooltip.install(this, new Tooltip(asset.error()));
        } else {
            Tooltip.install(this, new Tooltip(asset.path().toString()));
        }
    }

    Asset asset() {
        return asset;
    }

    void setPicture(Image image) {
        picture.setImage(image);
    }

    private FontIcon placeholderIcon() {
        FontIcon icon = new FontIcon(iconFor(asset.kind()));
        icon.getStyleClass().add("placeholder-icon");
        return icon;
    }

    private HBox badges() {
        Label kind = new Label(asset.kind() == null ? "?" : asset.kind().id().toUpperCase());
        kind.getStyleClass().addAll("badge", "badge-" + (asset.kind() == null ? "unknown" : asset.kind().id()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(kind, spacer);
        if (!asset.isReady()) {
            Label failed = new Label("FAILED");
            failed.getStyleClass().addAll("badge", "badge-failed");
            row.getChildren().add(failed);
        } else if (asset.info() != null && asset.info().durationSec() != null) {
            Label duration = new Label(LibraryText.duration(asset.info().durationSec()));
            duration.getStyleClass().addAll("badge", "badge-duration");
            row.getChildren().add(duration);
        }
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("badge-row");
        row.setPickOnBounds(false);
        StackPane.setAlignment(row, Pos.TOP_LEFT);
        return row;
    }

    private static Feather iconFor(MediaKind kind) {
        if (kind == null) {
            return Feather.ALERT_TRIANGLE;
        }
        return switch (kind) {
            case VIDEO -> Feather.FILM;
            case AUDIO -> Feather.MUSIC;
            case IMAGE -> Feather.IMAGE;
        };
    }
}
