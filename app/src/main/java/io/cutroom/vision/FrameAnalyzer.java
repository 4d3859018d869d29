package io.cutroom.vision;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Runs the three networks over pictures in batches (one forward pass per network per batch), and the drawing head. */
public final class FrameAnalyzer {
    /**
     * Pictures per forward pass. On 2 cores, tagging real footage took 99 ms a picture in batches of 4 and
     * 132 to 137 ms in batches of 8 (bench tag --hour-only, two runs each). CenterNet's best throughput in
     * the per-model bench was at 4 as well.
     */
    public static final int BATCH = 4;
    private final VisionModels models;
    private final DrawingHead drawings;

    public FrameAnalyzer(VisionModels models) throws ModelException {
        this.models = models;
        this.drawings = models.drawings();
    }

    public List<FrameFindings> analyse(List<BufferedImage> pictures, List<Double> timesSec) {
        List<FrameFindings> out = new ArrayList<>();
        for (int from = 0; from < pictures.size(); from += BATCH) {
            List<BufferedImage> batch = pictures.subList(from, Math.min(pictures.size(), from + BATCH));
            List<SceneScores> scenes = models.scenes().classify(batch);
            double[] drawn = drawings.probabilities(scenes.stream().map(SceneScores::embedding).toList());
            // The exported square, letterboxed: given an input of a frame's own shape, CenterNet scored the cat
            // in chelsea.png 0.31 instead of 0.49, and the cockatoo clip's bird 0.29, under its 0.35 threshold
            // (its squeeze-and-excitation blocks average over the whole input, black bars included).
            List<List<Detection>> objects = models.objects().detect(batch);
            List<List<Detection>> faces = models.faces().detect(batch);
            for (int i = 0; i < batch.size(); i++) {
                out.add(new FrameFindings(timesSec.get(from + i), scenes.get(i), drawn[i], objects.get(i), faces.get(i)));
            }
        }
        return out;
    }
}
