package io.cutroom.ui.playlists;

import io.cutroom.playlists.PlaylistService;
import io.cutroom.ui.Studio;
import io.cutroom.ui.library.LibraryText;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.IntSupplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One playlist item: thumbnail, title, length and score, and why it is there; the playing one is marked. */
final class PlaylistRow extends ListCell<PlaylistService.Item> {
    private final Studio studio;
    private final IntSupplier playing;
    private final ImageView picture = new ImageView();
    private final Label title = new Label();
    private final Label facts = new Label();
    private final Label why = new Label();
    private final HBox box;

    PlaylistRow(Studio studio, IntSupplier playing) {
        this.studio = studio;
        this.playing = playing;
        picture.setFitWidth(96);
        picture.setFitHeight(54);
        picture.setPreserveRatio(true);
        title.getStyleClass().add("text-bold");
        facts.getStyleClass().add("text-muted");
        why.getStyleClass().add("playlist-why");
        why.setWrapText(true);
        VBox text = new VBox(2, title, facts, why);
        HBox.setHgrow(text, Priority.ALWAYS);
        StackPane frame = new StackPane(picture);
        frame.setMinWidth(96);
        frame.setPrefWidth(96);
        box = new HBox(10, frame, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4));
    }

    @Override
    protected void updateItem(PlaylistService.Item item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        boolean now = getIndex() == playing.getAsInt();
        title.setText((now ? "▶ " : (getIndex() + 1) + ". ") + item.title());
        facts.setText(String.format(Locale.ROOT, "%s · %s · score %.3f", item.asset().kind().name().toLowerCase(Locale.ROOT),
                LibraryText.duration(item.durationSec()), item.score()));
        why.setText(item.explanation());
        picture.setImage(null);
        long id = item.asset().id();
        studio.read(() -> studio.thumbnails().cardPicture(id).map(t -> new Image(new ByteArrayInputStream(t.bytes()))).orElse(null),
                image -> {
                    if (getItem() != null && getItem().asset().id() == id) {
                        picture.setImage(image);
                    }
                });
        setGraphic(box);
    }
}
