package io.cutroom.ui.clip;

import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import io.cutroom.reframe.FrameSignals;
import io.cutroom.reframe.Subject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * Drawn over the preview: the crop window at the playhead, the picture outside it dimmed, and a dot on each
 * subject the analysis saw near that moment (faces brightest). The window can be dragged; letting go hands
 * its new centre to the editor, which pins it there.
 */
final class CropOverlay {
    private final Pane root = new Pane();
    private final Rectangle window = new Rectangle();
    private final Rectangle[] dims = {new Rectangle(), new Rectangle(), new Rectangle(), new Rectangle()};
    private final Group dots = new Group();
    private final BiConsumer<Double, Double> onFollow;
    private final double displayWidth;
    private final double displayHeight;
    private CropTrack track;
    private List<FrameSignals> signals = List.of();
    private double time;
    private boolean cropOnly;
    private double[] dragFrom;
    private CropWindow dragWindow;

    /**
     * @param onMoved  hears the window's new centre (fractions of the frame) when a drag ends
     * @param onFollow hears a subject's centre when its dot is clicked
     */
    CropOverlay(double displayWidth, double displayHeight, BiConsumer<Double, Double> onMoved,
                BiConsumer<Double, Double> onFollow) {
        this.onFollow = onFollow;
        this.displayWidth = displayWidth;
        this.displayHeight = displayHeight;
        root.getStyleClass().add("crop-overlay");
        for (Rectangle dim : dims) dim.setMouseTransparent(true);
        window.setFill(Color.TRANSPARENT);
        window.getStyleClass().add("crop-window");
        window.setCursor(Cursor.MOVE);
        root.getChildren().addAll(dims);
        root.getChildren().addAll(window, dots);
        root.setPickOnBounds(false);
        root.widthProperty().addListener((o, a, b) -> draw());
        root.heightProperty().addListener((o, a, b) -> draw());
        root.setOnMousePressed(e -> {
            CropWindow w = current();
            double[] r = picture();
            if (w != null && inside(w, r, e.getX(), e.getY())) {
                dragFrom = new double[] {e.getX(), e.getY()};
                dragWindow = w;
            }
        });
        root.setOnMouseDragged(e -> {
            if (dragFrom != null) {
                double[] r = picture();
                double dx = (e.getX() - dragFrom[0]) / r[2], dy = (e.getY() - dragFrom[1]) / r[3];
                draw(new CropWindow(dragWindow.x() + dx, dragWindow.y() + dy, dragWindow.w(), dragWindow.h()).clampedToFrame());
            }
        });
        root.setOnMouseReleased(e -> {
            if (dragFrom != null) {
                double[] r = picture();
                CropWindow moved = new CropWindow(dragWindow.x() + (e.getX() - dragFrom[0]) / r[2],
                        dragWindow.y() + (e.getY() - dragFrom[1]) / r[3], dragWindow.w(), dragWindow.h()).clampedToFrame();
                dragFrom = null;
                onMoved.accept(moved.x() + moved.w() / 2, moved.y() + moved.h() / 2);
            }
        });
    }

    Pane node() {
        return root;
    }

    void show(CropTrack track, List<FrameSignals> signals) {
        this.track = track;
        this.signals = signals.stream().sorted(Comparator.comparingDouble(FrameSignals::t)).toList(); // for bisection
        draw();
    }

    void at(double seconds) {
        time = seconds;
        if (dragFrom == null) draw();
    }

    /** Shows only what the output will show: the picture outside the window goes black. */
    void cropOnly(boolean on) {
        cropOnly = on;
        draw();
    }

    private CropWindow current() {
        return track == null ? null : track.windowAt(time);
    }

    private void draw() {
        draw(current());
    }

    /**
     * Moves the same nodes rather than making new ones: a redraw (the playhead moves many times a second)
     * must not pull the window out from under a drag.
     */
    private void draw(CropWindow w) {
        dots.getChildren().clear();
        boolean shown = w != null && root.getWidth() > 0;
        window.setVisible(shown);
        for (Rectangle dim : dims) dim.setVisible(shown);
        if (!shown) return;
        double[] r = picture();
        double left = r[0] + w.x() * r[2], top = r[1] + w.y() * r[3], width = w.w() * r[2], height = w.h() * r[3];
        window.setX(left);
        window.setY(top);
        window.setWidth(width);
        window.setHeight(height);
        place(dims[0], r[0], r[1], r[2], top - r[1]);                          // above
        place(dims[1], r[0], top + height, r[2], r[1] + r[3] - top - height);  // below
        place(dims[2], r[0], top, left - r[0], height);                        // left
        place(dims[3], left + width, top, r[0] + r[2] - left - width, height); // right
        for (Rectangle dim : dims) dim.setFill(cropOnly ? Color.BLACK : Color.color(0, 0, 0, 0.55));
        if (!cropOnly) {
            trail(r);
            nearest().ifPresent(f -> f.subjects().forEach(s -> {
                Circle dot = new Circle(r[0] + s.centerX() * r[2], r[1] + s.centerY() * r[3], s.kind() == Subject.Kind.FACE ? 6 : 5);
                dot.getStyleClass().addAll("subject-dot", "subject-" + s.kind().name().toLowerCase(Locale.ROOT));
                if (f.tracked()) dot.getStyleClass().add("subject-tracked");
                dots.getChildren().add(dot);
                if (s.kind() == Subject.Kind.MOTION) {
                    dot.setMouseTransparent(true); // motion is a hint, not someone to follow
                    return;
                }
                dot.setCursor(Cursor.HAND);
                Tooltip.install(dot, new Tooltip("Follow this " + s.kind().name().toLowerCase(Locale.ROOT) + " in this shot"
                        + (f.tracked() ? " (followed here by the tracker between the detectors' looks)" : "")));
                dot.setOnMouseClicked(e -> {
                    onFollow.accept(s.centerX(), s.centerY());
                    e.consume();
                });
                dot.setOnMousePressed(MouseEvent::consume); // a click on a dot is not a drag
            }));
        }
    }

    /**
     * The most important subject's centre at every analysed position within {@link #TRAIL_SEC} of the
     * playhead: small dots where a detector looked, rings where the tracker carried it in between.
     */
    private void trail(double[] r) {
        for (FrameSignals f : within(time - TRAIL_SEC, time + TRAIL_SEC)) {
            f.subjects().stream().filter(s -> s.kind() != Subject.Kind.MOTION).findFirst().ifPresent(s -> {
                Circle mark = new Circle(r[0] + s.centerX() * r[2], r[1] + s.centerY() * r[3], f.tracked() ? 2 : 2.5);
                mark.getStyleClass().addAll("subject-trail", "subject-" + s.kind().name().toLowerCase(Locale.ROOT));
                if (f.tracked()) mark.getStyleClass().add("subject-tracked");
                mark.setMouseTransparent(true);
                dots.getChildren().add(mark);
            });
        }
    }

    private static void place(Rectangle r, double x, double y, double w, double h) {
        r.setX(x);
        r.setY(y);
        r.setWidth(Math.max(0, w));
        r.setHeight(Math.max(0, h));
    }

    /** How far before and after the playhead the main subject's path is drawn. */
    static final double TRAIL_SEC = 1.0;

    private Optional<FrameSignals> nearest() {
        return within(time - 0.2, time + 0.2).stream().min(Comparator.comparingDouble(f -> Math.abs(f.t() - time)));
    }

    /**
     * The analysed positions from {@code from} to {@code to} seconds. The signals are in time order, about
     * fifteen a second, and the playhead redraws many times a second on the JavaFX thread, so they are found by
     * bisection rather than by a pass over the whole clip.
     */
    private List<FrameSignals> within(double from, double to) {
        return signals.subList(firstAtOrAfter(from), firstAtOrAfter(Math.nextUp(to)));
    }

    private int firstAtOrAfter(double t) {
        int lo = 0, hi = signals.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (signals.get(mid).t() < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Where the picture sits in the overlay: fitted and centred, as the preview shows it. {x, y, w, h}. */
    private double[] picture() {
        double scale = Math.min(root.getWidth() / displayWidth, root.getHeight() / displayHeight);
        double w = displayWidth * scale, h = displayHeight * scale;
        return new double[] {(root.getWidth() - w) / 2, (root.getHeight() - h) / 2, w, h};
    }

    private static boolean inside(CropWindow w, double[] r, double x, double y) {
        double left = r[0] + w.x() * r[2], top = r[1] + w.y() * r[3];
        return x >= left && x <= left + w.w() * r[2] && y >= top && y <= top + w.h() * r[3];
    }
}
