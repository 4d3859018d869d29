package io.cutroom.ui.clip;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.RenderRecord;
import io.cutroom.ui.Studio;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What was rendered from a clip, newest first, with the button that makes another; a double-click opens one. */
final class RendersList {
    private final Studio studio;
    private final Asset asset;
    private final Consumer<Path> opener;
    private final VBox rows = new VBox(4);
    private final VBox root;

    RendersList(Studio studio, Asset asset, Consumer<Path> opener) {
        this.studio = studio;
        this.asset = asset;
        this.opener = opener;
        Button export = new Button("Export…", new FontIcon(Feather.SHARE));
        export.getStyleClass().add("accent");
        export.setOnAction(e -> ExportDialog.ask(asset, export.getScene().getWindow())
                .ifPresent(request -> studio.export(asset.id(), request)));
        HBox header = new HBox(10, ClipView.sectionLabel("Renders"), export);
        header.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, header, rows);
        refresh();
    }

    Node node() {
        return root;
    }

    void refresh() {
        studio.read(() -> studio.renders().forAsset(asset.id()), this::fill);
    }

    private void fill(List<RenderRecord> list) {
        rows.getChildren().clear();
        if (list.isEmpty()) {
            Label none = new Label("Nothing rendered yet.");
            none.getStyleClass().add("metadata-key");
            rows.getChildren().add(none);
        }
        for (RenderRecord r : list) {
            rows.getChildren().add(row(r));
        }
    }

    private Node row(RenderRecord r) {
        FontIcon icon = new FontIcon(switch (r.status()) {
            case DONE -> Feather.CHECK_CIRCLE;
            case RUNNING -> Feather.LOADER;
            case CANCELLED -> Feather.SLASH;
            case FAILED -> Feather.ALERT_TRIANGLE;
        });
        String detail = switch (r.status()) {
            case DONE -> r.width() + "×" + r.height() + " · " + r.preset()
                    + String.format(Locale.ROOT, " · %.1f s to render", r.elapsedSec());
            case RUNNING -> "rendering…";
            case CANCELLED, FAILED -> r.error() == null ? r.status().id() : r.error();
        };
        Label info = new Label(detail);
        info.getStyleClass().add(r.status() == RenderRecord.Status.FAILED ? "clip-error" : "metadata-key");
        info.setWrapText(true);
        info.setMaxWidth(380);
        HBox row = new HBox(8, icon, new VBox(1, new Label(r.output().getFileName().toString()), info));
        row.getStyleClass().add("render-row");
        row.setAlignment(Pos.TOP_LEFT);
        if (r.status() == RenderRecord.Status.DONE) {
            Tooltip.install(row, new Tooltip("Double-click to open " + r.output()));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    opener.accept(r.output());
                }
            });
        }
        return row;
    }
}
