package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.media.MediaKind;
import io.cutroom.ui.TagScore;
import java.util.List;
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

/**
 * One asset in the library grid: its picture, name, duration and a kind badge, its stars, flag and colour label;
 * failures in red, missing files as Offline.
 */
final class AssetCard extends VBox {
    static final double PICTURE_WIDTH = 208;
    static final double PICTURE_HEIGHT = 117;

    /** Rough width of one character of chip text and of a chip's padding and gap, to fit chips on one line. */
    private static final double CHIP_CHAR = 6.4;
    private static final double CHIP_EXTRA = 16;
    private final Asset asset;
    private final List<TagScore> tags;
    private final AssetLog log;
    private final boolean offline;
    private final ImageView picture = new ImageView();

    AssetCard(Asset asset, List<TagScore> tags, AssetLog log, boolean offline) {
        this.asset = asset;
        this.tags = List.copyOf(tags);
        this.log = log;
        this.offline = offline;
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
        if (!log.equals(AssetLog.NONE)) {
            getChildren().add(LogMarks.row(log));
        }
        if (log.label() != null) {
            getStyleClass().add("label-" + log.label().id());
        }
        if (!tags.isEmpty()) {
            getChildren().add(chips());
        }
        if (!asset.isReady()) {
            getStyleClass().add("failed");
            Tooltip.install(this, new Tooltip(asset.error()));
        } else if (offline) {
            getStyleClass().add("offline");
            Tooltip.install(this, new Tooltip("Offline: " + asset.path() + " is not there any more. File ▸ Relink… finds it by content."));
        } else {
            Tooltip.install(this, new Tooltip(asset.path().toString()));
        }
    }

    Asset asset() {
        return asset;
    }

    List<TagScore> tags() {
        return tags;
    }

    /** Whether this card still draws what the library would draw for the asset now. */
    boolean shows(Asset now, List<TagScore> tagsNow, AssetLog logNow, boolean offlineNow) {
        return asset.equals(now) && tags.equals(tagsNow) && log.equals(logNow) && offline == offlineNow;
    }

    /** As many chips as fit one line, most confident first; a "+N" chip lists the rest in its tooltip. */
    private HBox chips() {
        HBox row = new HBox(4);
        row.getStyleClass().add("tag-chips");
        row.setMaxWidth(PICTURE_WIDTH);
        double room = PICTURE_WIDTH - (CHIP_EXTRA + 3 * CHIP_CHAR); // keep room for "+N"
        int shown = 0;
        for (TagScore tag : tags) {
            double width = CHIP_EXTRA + tag.tag().length() * CHIP_CHAR;
            if (width > room && shown > 0) {
                break;
            }
            room -= width;
            Label chip = new Label(tag.tag());
            chip.getStyleClass().add("tag-chip");
            Tooltip.install(chip, new Tooltip(tag.label()));
            row.getChildren().add(chip);
            shown++;
        }
        if (tags.size() > shown) {
            Label more = new Label("+" + (tags.size() - shown));
            more.getStyleClass().addAll("tag-chip", "tag-chip-more");
            more.setMinWidth(Region.USE_PREF_SIZE);
            Tooltip.install(more, new Tooltip(String.join("\n",
                    tags.subList(shown, tags.size()).stream().map(TagScore::label).toList())));
            row.getChildren().add(more);
        }
        return row;
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
        } else if (offline) {
            Label missing = new Label("OFFLINE");
            missing.getStyleClass().addAll("badge", "badge-offline");
            row.getChildren().add(missing);
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
