package io.cutroom.ui.clip;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CustomTagRepository.Example;
import io.cutroom.catalog.ShotEmbedding;
import io.cutroom.catalog.ShotTag;
import io.cutroom.media.MediaKind;
import io.cutroom.ui.Studio;
import io.cutroom.ui.TagScore;
import io.cutroom.ui.tags.TeachDialog;
import io.cutroom.vision.SimilarShots;
import io.cutroom.vision.TagThresholds;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The clip view's tags: chips for what the networks and the editor's custom tags found, the tag timeline,
 * and for the shot picked on it: "more like this shot", teach a tag from it, or take a custom tag off it
 * (which retrains that tag with the shot as a counter-example).
 */
final class TagsPanel {
    private static final int SIMILAR_SHOWN = 6;
    private final Studio studio;
    private final Asset asset;
    private final double width;
    private final ObservableDoubleValue position;
    private final DoubleConsumer seek;
    private final Consumer<Long> openAsset;
    private final VBox root = new VBox(8);
    private final VBox shotBox = new VBox(6);
    private Data data;
    private TagTimeline timeline;

    private record Data(List<ShotTag> tags, List<ShotEmbedding> shots, TagThresholds thresholds, boolean tagged,
                        Set<String> custom) {
    }

    TagsPanel(Studio studio, Asset asset, double width, ObservableDoubleValue position, DoubleConsumer seek,
              Consumer<Long> openAsset) {
        this.studio = studio;
        this.asset = asset;
        this.width = width;
        this.position = position;
        this.seek = seek;
        this.openAsset = openAsset;
        root.getStyleClass().add("tags-panel");
        refresh();
    }

    Node node() {
        return root;
    }

    /** Reads the asset's tags again: after tagging, teaching or a threshold change. */
    void refresh() {
        long id = asset.id();
        studio.read(() -> new Data(studio.tagging().tags().forAsset(id), studio.tagging().tags().embeddingsOf(id),
                studio.tagging().thresholds(), studio.tagging().tags().isTagged(id),
                Set.copyOf(studio.tagging().customTagNames())), this::show);
    }

    private void show(Data fresh) {
        data = fresh;
        root.getChildren().setAll(ClipView.sectionLabel("Tags"));
        List<ShotTag> shown = fresh.tags().stream().filter(fresh.thresholds()::passes).toList();
        if (!fresh.tagged() && shown.isEmpty()) {
            Button tagNow = new Button("Tag Now", new FontIcon(Feather.TAG));
            tagNow.setOnAction(e -> {
                studio.tagging().tag(List.of(asset));
                tagNow.setDisable(true);
                tagNow.setText("Tagging…");
            });
            Label hint = new Label("Not tagged yet.");
            HBox row = new HBox(10, hint, tagNow);
            row.setAlignment(Pos.CENTER_LEFT);
            root.getChildren().add(row);
            return;
        }
        Map<String, Double> best = new HashMap<>();
        shown.forEach(t -> best.merge(t.tag(), t.confidence(), Math::max));
        List<TagScore> scores = TagScore.passing(best, fresh.thresholds());
        FlowPane chips = new FlowPane(6, 6);
        chips.setPrefWrapLength(width);
        for (TagScore score : scores) {
            Label chip = new Label(score.label());
            chip.getStyleClass().add("tag-chip");
            if (fresh.custom().contains(score.tag())) {
                chip.getStyleClass().add("tag-chip-custom");
            }
            chips.getChildren().add(chip);
        }
        if (scores.isEmpty()) {
            chips.getChildren().add(new Label("No tag clears its threshold (Tags ▸ Thresholds…)."));
        }
        root.getChildren().add(chips);
        if (asset.kind() == MediaKind.VIDEO && !fresh.shots().isEmpty()) {
            double duration = asset.info().durationSec() == null ? fresh.shots().get(fresh.shots().size() - 1).endSec()
                    : asset.info().durationSec();
            timeline = new TagTimeline(width, duration, fresh.shots(), scores, shown, position, this::pickShot);
            root.getChildren().add(timeline.node());
        }
        root.getChildren().add(shotBox);
        shotBox.getChildren().clear();
        if (asset.kind() == MediaKind.IMAGE && !fresh.shots().isEmpty()) {
            showShotActions(fresh.shots().get(0));
        }
    }

    private void pickShot(int index) {
        data.shots().stream().filter(s -> s.shotIndex() == index).findFirst().ifPresent(shot -> {
            seek.accept(shot.startSec());
            timeline.markShot(index);
            showShotActions(shot);
        });
    }

    private void showShotActions(ShotEmbedding shot) {
        Button similar = new Button("More Like This", new FontIcon(Feather.LAYERS));
        similar.setOnAction(e -> showSimilar(shot));
        Button teach = new Button("Teach Tag…", new FontIcon(Feather.BOOK_OPEN));
        teach.setOnAction(e -> TeachDialog.ask(root.getScene().getWindow(), studio, whatShot(shot) + " becomes an example.",
                List.of(new Example(asset.id(), shot.shotIndex(), true)), List.of()));
        HBox actions = new HBox(8, similar, teach);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label picked = new Label(whatShot(shot));
        picked.getStyleClass().add("section-label");
        shotBox.getChildren().setAll(picked, actions);
        data.tags().stream()
                .filter(t -> t.shotIndex() == shot.shotIndex() && data.custom().contains(t.tag())
                        && data.thresholds().passes(t))
                .forEach(t -> {
                    Button wrong = new Button("Not " + t.tag(), new FontIcon(Feather.X_CIRCLE));
                    wrong.getStyleClass().add("flat");
                    wrong.setTooltip(new Tooltip("Mark this shot as a counter-example of \"" + t.tag()
                            + "\" and teach the tag again"));
                    wrong.setOnAction(e -> {
                        studio.tagging().teach(t.tag(), List.of(new Example(asset.id(), shot.shotIndex(), false)), List.of());
                        wrong.setDisable(true);
                    });
                    actions.getChildren().add(wrong);
                });
    }

    private String whatShot(ShotEmbedding shot) {
        return asset.kind() == MediaKind.IMAGE ? "This still"
                : "Shot " + (shot.shotIndex() + 1) + " (" + TagTimeline.time(shot.startSec()) + " – "
                + TagTimeline.time(shot.endSec()) + ")";
    }

    private void showSimilar(ShotEmbedding shot) {
        record Found(SimilarShots.Match match, Asset asset, Image picture) {
        }
        studio.read(() -> studio.tagging().similarShots(asset.id(), shot.shotIndex(), SIMILAR_SHOWN).stream()
                .map(m -> new Found(m, studio.assets().find(m.shot().assetId()).orElse(null),
                        studio.thumbnails().cardPicture(m.shot().assetId())
                                .map(t -> new Image(new ByteArrayInputStream(t.bytes()), 96, 54, true, true)).orElse(null)))
                .filter(f -> f.asset() != null).toList(), found -> {
                    VBox list = new VBox(4);
                    list.getStyleClass().add("similar-list");
                    list.getChildren().add(ClipView.sectionLabel("More like " + whatShot(shot).toLowerCase()));
                    if (found.isEmpty()) {
                        list.getChildren().add(new Label("No other tagged shots to compare with yet."));
                    }
                    for (Found f : found) {
                        ImageView picture = new ImageView(f.picture());
                        picture.setFitWidth(96);
                        picture.setFitHeight(54);
                        picture.setPreserveRatio(true);
                        ShotEmbedding other = f.match().shot();
                        String when = f.asset().kind() == MediaKind.VIDEO
                                ? " · " + TagTimeline.time(other.startSec()) + " – " + TagTimeline.time(other.endSec()) : "";
                        Label text = new Label(f.asset().fileName() + when + "\n"
                                + Math.round(f.match().similarity() * 100) + "% alike");
                        HBox row = new HBox(10, picture, text);
                        row.setAlignment(Pos.CENTER_LEFT);
                        row.getStyleClass().add("similar-row");
                        row.setOnMouseClicked(e -> openAsset.accept(f.asset().id()));
                        list.getChildren().add(row);
                    }
                    shotBox.getChildren().removeIf(n -> n.getStyleClass().contains("similar-list"));
                    shotBox.getChildren().add(list);
                });
    }
}
