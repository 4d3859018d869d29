package io.cutroom.vision;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * BlazeFace (256×256, the long-range variant) as SameDiff. It scores 896 anchor boxes: a 16×16 grid with two
 * anchors per cell, then an 8×8 grid with six. Each anchor's regression moves its centre and gives the box
 * size in input pixels; overlapping boxes are merged by keeping the best (non-maximum suppression).
 */
public final class FaceDetector {
    public static final String MODEL = "blazeface";
    static final float MIN_SCORE = 0.5f;
    static final float MERGE_OVERLAP = 0.3f;
    private static final int[][] GRIDS = {{16, 2}, {32, 6}}; // stride in pixels, anchors per cell
    private final SameDiffModel model;
    private final int size;
    private final float scale;
    private final float offset;
    private final float[][] anchors;

    FaceDetector(ModelFiles files) throws ModelException {
        this(files, files.spec(MODEL).get("inputSize").asInt());
    }

    /** BlazeFace at another square input size (a multiple of 32); see {@link BlazeFaceInputSize}. */
    FaceDetector(ModelFiles files, int inputSize) throws ModelException {
        JsonNode spec = files.spec(MODEL);
        model = new SameDiffModel(files.verified(MODEL), "face detector");
        size = inputSize;
        if (size != spec.get("inputSize").asInt()) {
            BlazeFaceInputSize.rewrite(model.graph(), spec.get("inputSize").asInt(), size);
        }
        scale = (float) spec.get("scale").asDouble();
        offset = (float) spec.get("offset").asDouble();
        anchors = anchors(size);
    }

    static float[][] anchors(int size) {
        List<float[]> out = new ArrayList<>();
        for (int[] grid : GRIDS) {
            int cells = size / grid[0];
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int n = 0; n < grid[1]; n++) {
                        out.add(new float[] {(x + 0.5f) * grid[0], (y + 0.5f) * grid[0]});
                    }
                }
            }
        }
        return out.toArray(new float[0][]);
    }

    public SameDiffModel model() {
        return model;
    }

    public int inputSize() {
        return size;
    }

    public List<List<Detection>> detect(List<BufferedImage> pictures) {
        INDArray input = ModelInput.batch(pictures, size, scale, offset, true);
        Map<String, INDArray> outputs = run(input);
        try {
            return ModelInput.onPictures(pictures, decode(outputs));
        } finally {
            ModelInput.release(outputs.values());
            ModelInput.release(input);
        }
    }

    Map<String, INDArray> run(INDArray input) {
        return model.run(input, "Identity", "Identity_1", "Identity_2", "Identity_3");
    }

    /** The outputs come as fine-grid and coarse-grid halves of scores and regressions; told apart by shape. */
    List<List<Detection>> decode(Map<String, INDArray> outputs) {
        List<INDArray> scores = new ArrayList<>();
        List<INDArray> boxes = new ArrayList<>();
        for (INDArray output : outputs.values()) {
            (output.size(2) == 1 ? scores : boxes).add(output);
        }
        Comparator<INDArray> fineFirst = Comparator.comparingLong(a -> -a.size(1));
        scores.sort(fineFirst);
        boxes.sort(fineFirst);
        int batch = (int) scores.get(0).size(0);
        List<List<Detection>> all = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            List<Detection> candidates = new ArrayList<>();
            int anchor = 0;
            for (int part = 0; part < scores.size(); part++) {
                float[] logits = scores.get(part).slice(b).dup('c').data().asFloat();
                float[] regression = boxes.get(part).slice(b).dup('c').data().asFloat();
                int width = (int) boxes.get(part).size(2);
                for (int i = 0; i < logits.length; i++, anchor++) {
                    float score = (float) (1 / (1 + Math.exp(-logits[i])));
                    if (score < MIN_SCORE) {
                        continue;
                    }
                    float cx = anchors[anchor][0] + regression[i * width];
                    float cy = anchors[anchor][1] + regression[i * width + 1];
                    float w = regression[i * width + 2];
                    float h = regression[i * width + 3];
                    float left = clamp((cx - w / 2) / size);
                    float top = clamp((cy - h / 2) / size);
                    candidates.add(new Detection("face", score, left, top,
                            clamp((cx + w / 2) / size) - left, clamp((cy + h / 2) / size) - top));
                }
            }
            all.add(suppress(candidates));
        }
        return all;
    }

    static List<Detection> suppress(List<Detection> candidates) {
        candidates.sort(Comparator.comparing(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : candidates) {
            if (kept.stream().noneMatch(k -> k.overlap(candidate) > MERGE_OVERLAP)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static float clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
