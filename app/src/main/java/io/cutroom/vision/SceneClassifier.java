package io.cutroom.vision;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2 (nsfwjs) as a DL4J ComputationGraph: five picture classes (drawing vs photo, content
 * safety) and its pooled 1280-value features, which serve as the shot embedding.
 */
public final class SceneClassifier {
    public static final String MODEL = "mobilenet_v2";
    private final ComputationGraph graph;
    private final int size;
    private final float scale;
    private final float offset;
    private final String embeddingLayer;
    private final String outputLayer;

    SceneClassifier(ModelFiles files) throws ModelException {
        JsonNode spec = files.spec(MODEL);
        try {
            graph = ModelSerializer.restoreComputationGraph(files.verified(MODEL).toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelException("The picture classifier could not be loaded: " + e.getMessage(), e);
        }
        size = spec.get("inputSize").asInt();
        scale = (float) spec.get("scale").asDouble();
        offset = (float) spec.get("offset").asDouble();
        embeddingLayer = spec.get("embeddingLayer").asText();
        outputLayer = graph.getConfiguration().getNetworkOutputs().get(0);
    }

    public ComputationGraph graph() {
        return graph;
    }

    public int inputSize() {
        return size;
    }

    public List<SceneScores> classify(List<BufferedImage> pictures) {
        INDArray input = ModelInput.batch(pictures, size, scale, offset);
        try {
            return run(input);
        } finally {
            ModelInput.release(input);
        }
    }

    /**
     * Runs an input already in the network's layout (used by the agreement test on reference fixtures). Only the
     * two layers needed are kept: {@code feedForward} detached every layer's activations, and some of them
     * (views) could not be closed, so a worker tagging Big Buck Bunny over and over grew by about 40 MB a batch
     * until a full garbage collection, which a small Java heap rarely needs.
     */
    public List<SceneScores> run(INDArray input) {
        INDArray[] activations;
        synchronized (graph) {
            activations = graph.output(List.of(outputLayer, embeddingLayer), false, new INDArray[] {input}, null);
        }
        try {
            INDArray probabilities = activations[0];
            INDArray features = activations[1];
            List<SceneScores> out = new ArrayList<>();
            for (int i = 0; i < input.size(0); i++) {
                out.add(new SceneScores(probabilities.getRow(i).toFloatVector(), features.getRow(i).reshape(-1).toFloatVector()));
            }
            return out;
        } finally {
            ModelInput.release(List.of(activations));
        }
    }

    public float scale() {
        return scale;
    }

    public float offset() {
        return offset;
    }
}
