package io.cutroom.ui.color;

import io.cutroom.media.render.Grade;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The manual grading sliders: temperature, tint, exposure, contrast, saturation, lift, gamma and gain.
 * Each shows its value and resets on a double-click. The automatic part of the grade (per-shot
 * corrections) and its LUT are carried through untouched.
 */
final class GradeControls {
    private final GridPane grid = new GridPane();
    private final Slider temperature = slider(-100, 100, 0);
    private final Slider tint = slider(-100, 100, 0);
    private final Slider exposure = slider(-3, 3, 0);
    private final Slider contrast = slider(0.5, 2, 1);
    private final Slider saturation = slider(0, 2, 1);
    private final Slider lift = slider(-0.2, 0.2, 0);
    private final Slider gamma = slider(0.5, 2, 1);
    private final Slider gain = slider(0.5, 1.5, 1);
    private Grade base = Grade.NEUTRAL;
    private boolean quiet;
    private Consumer<Grade> onChange = g -> { };

    GradeControls() {
        grid.setHgap(8);
        grid.setVgap(2);
        grid.setPadding(new Insets(4, 0, 0, 0));
        ColumnConstraints name = new ColumnConstraints(92);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        ColumnConstraints value = new ColumnConstraints(46);
        grid.getColumnConstraints().setAll(name, bar, value);
        row(0, "Temperature", temperature, "%+.0f", 0);
        row(1, "Tint", tint, "%+.0f", 0);
        row(2, "Exposure EV", exposure, "%+.2f", 0);
        row(3, "Contrast", contrast, "%.2f", 1);
        row(4, "Saturation", saturation, "%.2f", 1);
        row(5, "Lift", lift, "%+.2f", 0);
        row(6, "Gamma", gamma, "%.2f", 1);
        row(7, "Gain", gain, "%.2f", 1);
    }

    Node node() {
        return grid;
    }

    void onChange(Consumer<Grade> listener) {
        onChange = listener;
    }

    /** Shows a grade without reporting it as a change. */
    void set(Grade grade) {
        base = grade;
        quiet = true;
        try {
            temperature.setValue(grade.temperature());
            tint.setValue(grade.tint());
            exposure.setValue(grade.exposure());
            contrast.setValue(grade.contrast());
            saturation.setValue(grade.saturation());
            lift.setValue(grade.lift());
            gamma.setValue(grade.gamma());
            gain.setValue(grade.gain());
        } finally {
            quiet = false;
        }
    }

    /** The grade the sliders show, with the automatic corrections and LUT of the last grade set. */
    Grade grade() {
        return new Grade(round(exposure.getValue()), round(contrast.getValue()), round(saturation.getValue()),
                round(temperature.getValue()), round(tint.getValue()), base.gains(), round(gamma.getValue()), base.lut(),
                round(lift.getValue()), round(gain.getValue()), base.shots());
    }

    private void row(int index, String title, Slider slider, String format, double neutral) {
        Label name = new Label(title);
        Label value = new Label();
        value.getStyleClass().add("text-muted");
        Runnable show = () -> value.setText(String.format(Locale.ROOT, format, slider.getValue()));
        show.run();
        slider.valueProperty().addListener((o, a, b) -> {
            show.run();
            if (!quiet) {
                onChange.accept(grade());
            }
        });
        slider.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                slider.setValue(neutral);
            }
        });
        slider.setId("grade-" + title.split(" ")[0].toLowerCase(Locale.ROOT));
        grid.addRow(index, name, slider, value);
    }

    private static Slider slider(double min, double max, double value) {
        Slider s = new Slider(min, max, value);
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
