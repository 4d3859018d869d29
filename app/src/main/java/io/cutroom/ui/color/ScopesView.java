package io.cutroom.ui.color;

import io.cutroom.color.Scopes;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** Draws the core's scopes: RGB and luma histogram, luma waveform and vectorscope, side by side. */
final class ScopesView {
    private static final double SIZE = 128;
    private static final double HEIGHT = 110;
    private final Canvas histogram = new Canvas(SIZE, HEIGHT);
    private final Canvas waveform = new Canvas(SIZE, HEIGHT);
    private final Canvas vectorscope = new Canvas(HEIGHT, HEIGHT);
    private final HBox root = new HBox(8, titled("Histogram", histogram), titled("Waveform", waveform),
            titled("Vectorscope", vectorscope));

    ScopesView() {
        root.setId("scopes");
        clear(histogram);
        clear(waveform);
        clear(vectorscope);
    }

    Node node() {
        return root;
    }

    void show(Scopes scopes) {
        drawHistogram(scopes.histogram());
        drawWaveform(scopes.waveform());
        drawVectorscope(scopes.vectorscope());
    }

    private void drawHistogram(int[][] h) {
        GraphicsContext g = clear(histogram);
        int peak = 1;
        for (int c = 0; c < 4; c++) {
            for (int v = 1; v < 255; v++) { // the end bins (clipped) would flatten the rest
                peak = Math.max(peak, h[c][v]);
            }
        }
        Color[] colours = {Color.rgb(255, 70, 70, 0.55), Color.rgb(70, 255, 70, 0.55), Color.rgb(90, 120, 255, 0.6),
            Color.rgb(235, 235, 235, 0.8)};
        for (int c = 0; c < 4; c++) {
            g.setStroke(colours[c]);
            g.beginPath();
            for (int v = 0; v < 256; v++) {
                double x = v * SIZE / 255;
                double y = HEIGHT - Math.min(1, h[c][v] / (double) peak) * (HEIGHT - 4);
                if (v == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
    }

    private void drawWaveform(int[][] w) {
        GraphicsContext g = clear(waveform);
        int columns = w.length;
        int peak = 1;
        for (int[] column : w) {
            for (int count : column) {
                peak = Math.max(peak, count);
            }
        }
        double cell = SIZE / columns;
        for (int x = 0; x < columns; x++) {
            for (int level = 0; level < 256; level++) {
                int count = w[x][level];
                if (count > 0) {
                    double alpha = Math.min(1, 0.15 + Math.sqrt(count / (double) peak));
                    g.setFill(Color.rgb(120, 255, 140, alpha));
                    g.fillRect(x * cell, HEIGHT - (level + 1) * HEIGHT / 256, Math.max(1, cell), Math.max(1, HEIGHT / 256));
                }
            }
        }
        g.setStroke(Color.rgb(255, 255, 255, 0.2));
        for (double level : new double[] {0.25, 0.5, 0.75}) {
            g.strokeLine(0, HEIGHT * (1 - level), SIZE, HEIGHT * (1 - level));
        }
    }

    private void drawVectorscope(int[][] v) {
        GraphicsContext g = clear(vectorscope);
        int n = v.length;
        double cell = HEIGHT / n;
        int peak = 1;
        for (int[] row : v) {
            for (int count : row) {
                peak = Math.max(peak, count);
            }
        }
        g.setStroke(Color.rgb(255, 255, 255, 0.25));
        g.strokeOval(2, 2, HEIGHT - 4, HEIGHT - 4);
        g.strokeLine(HEIGHT / 2, 2, HEIGHT / 2, HEIGHT - 2);
        g.strokeLine(2, HEIGHT / 2, HEIGHT - 2, HEIGHT / 2);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (v[y][x] > 0) {
                    double alpha = Math.min(1, 0.2 + Math.sqrt(v[y][x] / (double) peak));
                    g.setFill(Color.rgb(255, 255, 255, alpha));
                    g.fillRect(x * cell, y * cell, cell, cell);
                }
            }
        }
    }

    private static GraphicsContext clear(Canvas canvas) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.rgb(18, 18, 22));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return g;
    }

    private static VBox titled(String title, Canvas canvas) {
        Label label = new Label(title);
        label.getStyleClass().add("text-muted");
        return new VBox(2, label, canvas);
    }
}
