package io.cutroom.ui.color;

import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The current frame split in two: the source on the left of the divider, the graded picture on the right.
 * Dragging across the picture moves the divider, so the editor can sweep the grade over any part of it.
 * While the eyedropper is on, a click or a dragged box instead names an area of the source that should be grey.
 */
final class BeforeAfterView {
    private final double width;
    private final double height;
    private final StackPane root = new StackPane();
    private final ImageView view = new ImageView();
    private final Line divider = new Line();
    private final Pane overlay = new Pane();
    private final Rectangle pickBox = new Rectangle();
    private Consumer<Area> onPick;
    private double pressX;
    private double pressY;
    private double split = 0.5;
    private BufferedImage before;
    private BufferedImage after;

    BeforeAfterView(double width, double height) {
        this.width = width;
        this.height = height;
        root.setPrefSize(width, height);
        root.setMinHeight(height);
        root.getStyleClass().add("preview");
        view.setPreserveRatio(true);
        view.setFitWidth(width);
        view.setFitHeight(height);
        divider.getStyleClass().add("split-divider");
        divider.setStyle("-fx-stroke: white; -fx-stroke-width: 2;");
        pickBox.setStyle("-fx-fill: transparent; -fx-stroke: #ffd34d; -fx-stroke-width: 1.5; -fx-stroke-dash-array: 4 3;");
        pickBox.setVisible(false);
        overlay.getChildren().addAll(divider, pickBox);
        overlay.setMouseTransparent(true);
        Label left = tag("Before");
        Label right = tag("After");
        StackPane.setAlignment(left, Pos.TOP_LEFT);
        StackPane.setAlignment(right, Pos.TOP_RIGHT);
        root.getChildren().addAll(view, overlay, left, right);
        root.setCursor(Cursor.H_RESIZE);
        root.setOnMousePressed(this::pressed);
        root.setOnMouseDragged(this::dragged);
        root.setOnMouseReleased(this::released);
        root.setId("before-after");
    }

    /** An area of the source picture, in its pixels, inclusive; a click gives a box of one pixel. */
    record Area(int x0, int y0, int x1, int y1) {
        boolean isPoint() {
            return x1 - x0 < 3 && y1 - y0 < 3;
        }
    }

    /** Turns the eyedropper on (each click or dragged box goes to {@code picked}) or, with null, off. */
    void pickWith(Consumer<Area> picked) {
        onPick = picked;
        root.setCursor(picked == null ? Cursor.H_RESIZE : Cursor.CROSSHAIR);
        pickBox.setVisible(false);
    }

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        if (onPick == null) {
            moveTo(e.getX());
        }
    }

    private void dragged(MouseEvent e) {
        if (onPick == null) {
            moveTo(e.getX());
            return;
        }
        pickBox.setX(Math.min(pressX, e.getX()));
        pickBox.setY(Math.min(pressY, e.getY()));
        pickBox.setWidth(Math.abs(e.getX() - pressX));
        pickBox.setHeight(Math.abs(e.getY() - pressY));
        pickBox.setVisible(true);
    }

    private void released(MouseEvent e) {
        Consumer<Area> picked = onPick;
        if (picked == null || before == null) {
            return;
        }
        Bounds shown = view.getBoundsInParent();
        if (shown.getWidth() <= 0) {
            return;
        }
        double scale = before.getWidth() / shown.getWidth();
        int x0 = pixel(Math.min(pressX, e.getX()), shown.getMinX(), scale, before.getWidth());
        int x1 = pixel(Math.max(pressX, e.getX()), shown.getMinX(), scale, before.getWidth());
        int y0 = pixel(Math.min(pressY, e.getY()), shown.getMinY(), scale, before.getHeight());
        int y1 = pixel(Math.max(pressY, e.getY()), shown.getMinY(), scale, before.getHeight());
        picked.accept(new Area(x0, y0, x1, y1));
    }

    private static int pixel(double at, double origin, double scale, int size) {
        return (int) Math.max(0, Math.min(size - 1, Math.floor((at - origin) * scale)));
    }

    Node node() {
        return root;
    }

    /** Shows a source picture and its graded copy (the same size). */
    void show(BufferedImage source, BufferedImage graded) {
        before = source;
        after = graded;
        redraw();
    }

    private void moveTo(double x) {
        double shownWidth = view.getBoundsInParent().getWidth();
        double left = view.getBoundsInParent().getMinX();
        if (shownWidth > 0) {
            split = Math.max(0, Math.min(1, (x - left) / shownWidth));
            redraw();
        }
    }

    private void redraw() {
        if (before == null || after == null) {
            return;
        }
        int w = before.getWidth();
        int h = before.getHeight();
        WritableImage image = view.getImage() instanceof WritableImage existing && existing.getWidth() == w
                && existing.getHeight() == h ? existing : new WritableImage(w, h);
        int cut = (int) Math.round(split * w);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            if (cut > 0) {
                before.getRGB(0, y, cut, 1, row, 0, w);
            }
            if (cut < w) {
                after.getRGB(cut, y, w - cut, 1, row, cut, w);
            }
            image.getPixelWriter().setPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
        }
        view.setImage(image);
        double scale = Math.min(width / w, height / h);
        double shownW = w * scale;
        double x = (width - shownW) / 2 + split * shownW;
        double shownH = h * scale;
        divider.setStartX(x);
        divider.setEndX(x);
        divider.setStartY((height - shownH) / 2);
        divider.setEndY((height + shownH) / 2);
    }

    private static Label tag(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-background-color: rgba(0,0,0,0.55); -fx-text-fill: white; -fx-padding: 2 6 2 6;");
        StackPane.setMargin(label, new Insets(6));
        return label;
    }
}
