package io.cutroom.vision;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * CenterNet (MobileNetV3 backbone, 80 COCO classes) as SameDiff. The network gives a heatmap per class at
 * a quarter of the input size and, per cell, the distances to the box edges. An object is a heatmap cell
 * that is the largest in its 3×3 neighbourhood (CenterNet's replacement for box suppression).
 */
public final class ObjectDetector {
    public static final String MODEL = "centernet";
    static final int MAX_OBJECTS = 100;
    static final float MIN_SCORE = 0.1f;
    private final SameDiffModel model;
    private final int width;
    private final int height;
    private final float scale;
    private final float offset;
    private final int stride;
    private final List<String> labels = new ArrayList<>();

    ObjectDetector(ModelFiles files) throws ModelException {
        this(files, files.spec(MODEL).get("inputSize").asInt(), files.spec(MODEL).get("inputSize").asInt());
    }

    /** At another input size than the exported square (see {@link CenterNetInputSize}). */
    ObjectDetector(ModelFiles files, int inputWidth, int inputHeight) throws ModelException {
        JsonNode spec = files.spec(MODEL);
        model = new SameDiffModel(files.verified(MODEL), "object detector");
        int exported = spec.get("inputSize").asInt();
        if (inputWidth != exported || inputHeight != exported) {
            CenterNetInputSize.rewrite(model.graph(), inputWidth, inputHeight);
        }
        width = inputWidth;
        height = inputHeight;
        scale = (float) spec.get("scale").asDouble();
        offset = (float) spec.get("offset").asDouble();
        stride = spec.get("outputStride").asInt();
        spec.get("labels").forEach(label -> labels.add(label.asText()));
    }

    public SameDiffModel model() {
        return model;
    }

    /** The input's longer side. */
    public int inputSize() {
        return Math.max(width, height);
    }

    public int inputWidth() {
        return width;
    }

    public int inputHeight() {
        return height;
    }

    public List<List<Detection>> detect(List<BufferedImage> pictures) {
        INDArray input = ModelInput.batch(pictures, width, height, scale, offset);
        Map<String, INDArray> outputs = run(input);
        try {
            return ModelInput.onPictures(pictures, decode(outputs), width, height);
        } finally {
            ModelInput.release(outputs.values());
            ModelInput.release(input);
        }
    }

    Map<String, INDArray> run(INDArray input) {
        return model.run(input, "keypoints", "wh");
    }

    List<List<Detection>> decode(Map<String, INDArray> outputs) {
        INDArray heat = outputs.get("keypoints");
        INDArray edges = outputs.get("wh");
        int batch = (int) heat.size(0);
        int rows = (int) heat.size(1);
        int cols = (int) heat.size(2);
        int classes = (int) heat.size(3);
        List<List<Detection>> all = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            float[] h = heat.slice(b).dup('c').data().asFloat();
            float[] e = edges.slice(b).dup('c').data().asFloat();
            List<Detection> found = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    for (int k = 0; k < classes; k++) {
                        float score = h[(r * cols + c) * classes + k];
                        if (score >= MIN_SCORE && isPeak(h, r, c, k, rows, cols, classes)) {
                            found.add(box(k, score, r, c, e, cols));
                        }
                    }
                }
            }
            found.sort(Comparator.comparing(Detection::score).reversed());
            all.add(found.size() > MAX_OBJECTS ? new ArrayList<>(found.subList(0, MAX_OBJECTS)) : found);
        }
        return all;
    }

    private static boolean isPeak(float[] h, int r, int c, int k, int rows, int cols, int classes) {
        float value = h[(r * cols + c) * classes + k];
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                int rr = r + dr;
                int cc = c + dc;
                if ((dr != 0 || dc != 0) && rr >= 0 && cc >= 0 && rr < rows && cc < cols
                        && h[(rr * cols + cc) * classes + k] > value) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Edges are left, top, right and bottom distances in input pixels from the cell's centre. */
    private Detection box(int k, float score, int r, int c, float[] e, int cols) {
        int at = (r * cols + c) * 4;
        float cx = c * stride;
        float cy = r * stride;
        float left = clamp((cx - e[at]) / width);
        float top = clamp((cy - e[at + 1]) / height);
        float right = clamp((cx + e[at + 2]) / width);
        float bottom = clamp((cy + e[at + 3]) / height);
        return new Detection(labels.get(k), score, left, top, right - left, bottom - top);
    }

    private static float clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
