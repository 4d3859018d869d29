package io.cutroom.ui.clip;

import io.cutroom.catalog.ShotEmbedding;
import io.cutroom.catalog.ShotTag;
import io.cutroom.ui.TagScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Where each tag is in the clip: one lane per tag, a bar for every shot that carries it (brighter when the
 * network was surer), the shots themselves on the top lane, and the playhead across all of them.
 * Clicking a lane picks the shot at that time and moves the playhead there.
 */
final class TagTimeline {
    static final int LANES = 8;
    private static final double LANE_HEIGHT = 14;
    private static final double NAME_WIDTH = 96;

    private final GridPane root = new GridPane();
    private final double trackWidth;
    private final double durationSec;
    private final List<ShotEmbedding> shots;
    private final List<Rectangle> shotBlocks = new ArrayList<>();

    /**
     * @param onShot hears the index of the shot clicked; the caller seeks and shows the shot's actions
     */
    TagTimeline(double width, double durationSec, List<ShotEmbedding> shots, List<TagScore> lanes,
                List<ShotTag> shown, ObservableDoubleValue playhead, IntConsumer onShot) {
        this.trackWidth = width - NAME_WIDTH;
        this.durationSec = Math.max(durationSec, 0.001);
        this.shots = shots;
        root.getStyleClass().add("tag-timeline");
        root.setVgap(3);
        Pane shotLane = lane(onShot);
        for (ShotEmbedding shot : shots) {
            Rectangle block = bar(shot.startSec(), shot.endSec(), "shot-block");
            block.getStyleClass().add(shot.shotIndex() % 2 == 0 ? "shot-even" : "shot-odd");
            Tooltip.install(block, new Tooltip("Shot " + (shot.shotIndex() + 1) + " · "
                    + time(shot.startSec()) + " – " + time(shot.endSec())));
            shotBlocks.add(block);
            shotLane.getChildren().add(block);
        }
        addRow("shots", shotLane, 0);
        int row = 1;
        for (TagScore lane : lanes.subList(0, Math.min(LANES, lanes.size()))) {
            Pane track = lane(onShot);
            for (ShotTag tag : shown) {
                if (tag.tag().equals(lane.tag())) {
                    Rectangle bar = bar(tag.startSec(), tag.endSec(), "tag-bar");
                    bar.setOpacity(0.35 + 0.65 * tag.confidence());
                    Tooltip.install(bar, new Tooltip(tag.tag() + " " + Math.round(tag.confidence() * 100) + "% · "
                            + time(tag.startSec()) + " – " + time(tag.endSec()) + " · " + tag.model()));
                    track.getChildren().add(bar);
                }
            }
            addRow(lane.tag(), track, row++);
        }
        Line head = new Line(0, 0, 0, row * (LANE_HEIGHT + 3));
        head.getStyleClass().add("playhead");
        head.setManaged(false);
        head.setMouseTransparent(true);
        head.translateXProperty().bind(Bindings.createDoubleBinding(
                () -> NAME_WIDTH + x(playhead.get()), playhead));
        Pane overlay = new Pane(head);
        overlay.setMouseTransparent(true);
        root.add(overlay, 0, 0);
    }

    GridPane node() {
        return root;
    }

    /** Outlines the picked shot's block. */
    void markShot(int index) {
        for (int i = 0; i < shotBlocks.size(); i++) {
            shotBlocks.get(i).pseudoClassStateChanged(PICKED, shots.get(i).shotIndex() == index);
        }
    }

    private Pane lane(IntConsumer onShot) {
        Pane track = new Pane();
        track.getStyleClass().add("tag-lane");
        track.setPrefSize(trackWidth, LANE_HEIGHT);
        track.setMinSize(trackWidth, LANE_HEIGHT);
        track.setMaxSize(trackWidth, LANE_HEIGHT);
        track.setOnMouseClicked(e -> {
            double t = e.getX() / trackWidth * durationSec;
            shots.stream().filter(s -> t >= s.startSec() && t < s.endSec()).findFirst()
                    .or(() -> shots.isEmpty() ? Optional.empty() : Optional.of(shots.get(shots.size() - 1)))
                    .ifPresent(s -> onShot.accept(s.shotIndex()));
        });
        return track;
    }

    private void addRow(String name, Pane track, int row) {
        Label label = new Label(name);
        label.getStyleClass().add("lane-name");
        label.setMinWidth(NAME_WIDTH);
        label.setPrefWidth(NAME_WIDTH);
        label.setMaxWidth(NAME_WIDTH);
        root.add(label, 0, row);
        root.add(track, 1, row);
    }

    private Rectangle bar(double startSec, double endSec, String style) {
        double x = x(startSec);
        Rectangle bar = new Rectangle(x, 1, Math.max(2, x(endSec) - x - 1), LANE_HEIGHT - 2);
        bar.getStyleClass().add(style);
        bar.setMouseTransparent(false);
        return bar;
    }

    private double x(double sec) {
        return Math.max(0, Math.min(trackWidth, sec / durationSec * trackWidth));
    }

    static String time(double sec) {
        return String.format(Locale.ROOT, "%d:%04.1f", (int) (sec / 60), sec % 60);
    }

    private static final PseudoClass PICKED = PseudoClass.getPseudoClass("picked");
}
