package io.cutroom.ui.clip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.shots.Shot;
import io.cutroom.reframe.CameraPlanner;
import io.cutroom.reframe.FrameSignals;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.Pin;
import io.cutroom.reframe.Reframer;
import io.cutroom.reframe.ShotPlan;
import io.cutroom.reframe.SubjectLock;
import io.cutroom.reframe.Widening;
import io.cutroom.ui.Studio;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The clip view's reframe editor: pick a shape and a motion style, reframe (in the background), and see
 * the crop window follow the playhead over the preview with the subjects marked. Dragging the window pins
 * it there at that moment, and clicking a subject's dot follows that subject alone in its shot; the path is
 * planned again at once, from the stored analysis. "Preview cropped" shows only what the output will hold;
 * "Export Reframed…" renders it.
 */
final class ReframePanel {
    private static final List<String> SHAPES = List.of("9:16", "1:1", "4:5");
    private final Studio studio;
    private final Asset asset;
    private final ObservableDoubleValue position;
    private final VBox root = new VBox(8);
    private final ComboBox<String> shape = new ComboBox<>();
    private final ComboBox<String> style = new ComboBox<>();
    /** How far a shot's window may widen to keep everyone in, and what fills the output beyond the picture. */
    private final ComboBox<String> widen = new ComboBox<>();
    private final ComboBox<String> fill = new ComboBox<>();
    private final Label status = new Label();
    private final CropOverlay overlay;
    private final ChangeListener<Number> followPlayhead;
    private final TitledPane section;
    /** The stored reframing for the shape shown, parsed; null when there is none. */
    private Loaded loaded;

    ReframePanel(Studio studio, Asset asset, StackPane preview, ObservableDoubleValue position) {
        this.studio = studio;
        this.asset = asset;
        this.position = position;
        overlay = new CropOverlay(asset.info().displayWidth(), asset.info().displayHeight(), this::pin, this::lock);
        followPlayhead = (o, a, t) -> overlay.at(t.doubleValue());
        preview.getChildren().add(overlay.node());
        // Weak: the clip view's playhead outlives this panel, which goes when another clip is shown.
        position.addListener(new WeakChangeListener<>(followPlayhead));
        shape.getItems().setAll(SHAPES);
        shape.setValue(SHAPES.get(0));
        shape.valueProperty().addListener((o, a, b) -> load());
        style.getItems().setAll(Arrays.stream(MotionStyle.values()).map(MotionStyle::id).toList());
        style.setValue(MotionStyle.DEFAULT.id());
        widen.getItems().setAll(WIDEN_CHOICES);
        widen.setValue(WIDEN_CHOICES.get(0));
        widen.setTooltip(new Tooltip("Where the subjects cannot all be held at this shape, a shot's window may widen"
                + " this far; the output is filled beyond the picture."));
        fill.getItems().setAll("blur", "pad");
        fill.setValue("blur");
        fill.disableProperty().bind(widen.valueProperty().isEqualTo(WIDEN_CHOICES.get(0)));
        Button reframe = new Button("Reframe", new FontIcon(Feather.CROP));
        reframe.setOnAction(e -> studio.reframe(asset, AspectRatio.parse(shape.getValue()), MotionStyle.parse(style.getValue()),
                widening()));
        CheckBox cropped = new CheckBox("Preview cropped");
        cropped.selectedProperty().addListener((o, a, on) -> overlay.cropOnly(on));
        Button export = new Button("Export Reframed…", new FontIcon(Feather.UPLOAD));
        export.setOnAction(e -> export());
        Button clearPins = new Button("Undo Corrections");
        clearPins.getStyleClass().add("flat");
        clearPins.setOnAction(e -> save(List.of(), List.of()));
        HBox controls = new HBox(8, shape, style, reframe);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label widenLabel = new Label("Widen");
        HBox widening = new HBox(8, widenLabel, widen, fill);
        widening.setAlignment(Pos.CENTER_LEFT);
        HBox more = new HBox(12, cropped, clearPins);
        more.setAlignment(Pos.CENTER_LEFT);
        status.setWrapText(true);
        status.getStyleClass().add("asset-detail");
        root.getChildren().addAll(controls, widening, status, more, export);
        root.getStyleClass().add("reframe-panel");
        // Folded until wanted, so the clip view stays short; the crop window shows while it is open.
        section = new TitledPane("Reframe", root);
        section.setExpanded(false);
        section.setAnimated(false);
        section.getStyleClass().add("reframe-section");
        overlay.node().visibleProperty().bind(section.expandedProperty());
        load();
    }

    Node node() {
        return section;
    }

    /** The choices of the Widen menu: never, by half again, or up to the frame's whole width. */
    static final List<String> WIDEN_CHOICES = List.of("off", "1.5x", "full");

    private Widening widening() {
        return Widening.parse(widen.getValue(), fill.getValue());
    }

    /**
     * One stored reframing, read and parsed on the catalog reader thread: the JavaFX thread only shows it.
     * The shots come along so picking "this shot" for a lock needs no database read on the JavaFX thread.
     */
    private record Loaded(ReframeRepository.Stored stored, CropTrack track, List<FrameSignals> signals, List<Pin> pins,
                          List<SubjectLock> locks, List<Shot> shots, String description) {
        static Loaded of(ReframeRepository.Stored stored, List<FrameSignals> signals, List<Shot> shots) {
            return new Loaded(stored, CropTrack.fromJson(stored.track()), signals, Reframer.pinsFromJson(stored.pins()),
                    Reframer.locksFromJson(stored.locks()), shots, describe(stored.shots()));
        }
    }

    /** Reads the stored track for the shape again: after a reframe job, or when the shape changes. */
    void load() {
        String aspect = shape.getValue();
        studio.read(() -> studio.reframes().find(asset.id(), aspect).map(found -> Loaded.of(found,
                Reframer.signalsFromJson(found.signals()), studio.shots().forAsset(asset.id()))).orElse(null), found -> {
                    if (!aspect.equals(shape.getValue())) return;
                    loaded = found;
                    if (found == null) {
                        overlay.show(null, List.of());
                        status.setText("Not reframed for " + aspect + " yet.");
                    } else {
                        show();
                    }
                });
    }

    private void show() {
        overlay.show(loaded.track(), loaded.signals());
        overlay.at(position.get());
        int corrections = loaded.pins().size() + loaded.locks().size();
        status.setText(loaded.description() + (corrections == 0
                ? " Drag the frame to correct it, or click a subject's dot to follow it in its shot."
                : " " + corrections + " correction(s)."));
    }

    /** The editor dragged the window: pin it at the playhead and plan the shot around the pin. */
    private void pin(double cx, double cy) {
        if (loaded == null) return;
        double t = position.get();
        List<Pin> next = new ArrayList<>(loaded.pins().stream().filter(p -> Math.abs(p.t() - t) > 0.1).toList());
        next.add(new Pin(t, cx, cy));
        save(next, loaded.locks());
    }

    /** The editor clicked a subject: follow it alone in this shot. A later lock in the same shot replaces it. */
    private void lock(double x, double y) {
        if (loaded == null) return;
        double t = position.get();
        List<SubjectLock> next = new ArrayList<>(loaded.locks().stream().filter(l -> !sameShot(l.t(), t)).toList());
        next.add(new SubjectLock(t, x, y));
        save(loaded.pins(), next);
    }

    private boolean sameShot(double a, double b) {
        return loaded.shots().stream().anyMatch(s -> a >= s.startSec() && a < s.endSec() && b >= s.startSec() && b < s.endSec());
    }

    /** Plans again through the corrections (on the reader thread, from the analysis already parsed) and stores it. */
    private void save(List<Pin> pins, List<SubjectLock> locks) {
        Loaded base = loaded;
        if (base == null) return;
        studio.change(() -> {
            ReframeRepository.Stored was = base.stored();
            AspectRatio aspect = AspectRatio.parse(was.aspect());
            CameraPlanner.Plan plan = CameraPlanner.plan(asset.info().displayWidth(), asset.info().displayHeight(), aspect,
                    base.shots(), base.signals(), MotionStyle.parse(was.style()), pins, locks,
                    Widening.parse(was.widen(), was.fill()));
            ReframeRepository.Stored updated = new ReframeRepository.Stored(was.assetId(), was.aspect(), was.style(),
                    was.weights(), plan.track().toJson(), Reframer.shotsJson(plan.shots()), was.signals(),
                    Reframer.pinsJson(pins), Reframer.locksJson(locks), Instant.now(), was.widen(), was.fill());
            studio.reframes().save(updated);
            return Loaded.of(updated, base.signals(), base.shots());
        }, updated -> {
            loaded = updated;
            show();
        }, reason -> status.setText("The correction was not saved. " + reason));
    }

    private void export() {
        if (loaded == null) {
            status.setText("Reframe first: there is no crop track for " + shape.getValue() + " yet.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the reframed clip");
        String base = asset.fileName().replaceFirst("\\.[^.]+$", "");
        chooser.setInitialFileName(base + "-" + loaded.stored().aspect().replace(':', 'x') + ".mp4");
        if (asset.path().getParent() != null) chooser.setInitialDirectory(asset.path().getParent().toFile());
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen == null) return;
        AspectRatio aspect = AspectRatio.parse(loaded.stored().aspect());
        Path out = chosen.toPath();
        studio.export(asset.id(), new RenderRequest(asset.path(), out, RenderPreset.forAspect(aspect), aspect,
                loaded.track(), null, null, true));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String describe(String shotsJson) {
        try {
            ShotPlan[] shots = new ObjectMapper().readValue(shotsJson, ShotPlan[].class);
            List<String> modes = Arrays.stream(shots).map(s -> s.mode().name().toLowerCase(Locale.ROOT)).toList();
            long dropped = Arrays.stream(shots).filter(s -> s.framesWithDroppedSubjects() > 0).count();
            long widened = Arrays.stream(shots).filter(ShotPlan::wasWidened).count();
            return shots.length + (shots.length == 1 ? " shot: " : " shots: ") + String.join(", ", modes) + "."
                    + (widened == 0 ? "" : " Widened in " + widened + " shot(s) to keep everyone in.")
                    + (dropped == 0 ? "" : " " + capitalised(ShotPlan.leftOutAcross(Arrays.asList(shots))) + " did not fit in "
                            + dropped + " shot(s); the most important was kept.");
        } catch (IOException e) {
            return "";
        }
    }
}
