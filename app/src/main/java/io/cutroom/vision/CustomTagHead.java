package io.cutroom.vision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A custom tag's classifier: logistic regression (a DL4J output layer with a sigmoid) on shot embeddings,
 * L2-regularised because an editor gives only a handful of examples. Positives and negatives are weighted
 * equally in the loss however unbalanced their counts.
 */
public final class CustomTagHead {
    static final int EPOCHS = 300;
    static final double L2 = 1e-3;
    private final MultiLayerNetwork network;

    private CustomTagHead(MultiLayerNetwork network) {
        this.network = network;
    }

    /**
     * Embeddings are unit vectors of 1280 values, each tiny; scaled by the square root of their width
     * their values are of order one, where a few epochs of Adam move the weights decisively.
     */
    static INDArray scaled(List<float[]> embeddings) {
        INDArray rows = Nd4j.createFromArray(embeddings.toArray(new float[0][]));
        return rows.muli(Math.sqrt(rows.size(1)));
    }

    /**
     * The vector scaled to length 1. Stored shot embeddings are ({@code ShotEmbedding}); the classifier's raw
     * features are not (their length is 4 to 22), and at that scale a few steps overflow the logistic loss.
     */
    public static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) norm += v * v;
        norm = Math.sqrt(norm);
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) out[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        return out;
    }

    public static CustomTagHead train(List<float[]> positives, List<float[]> negatives, long seed) {
        int width = positives.get(0).length;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Sgd(0.01))
                .l2(L2)
                .weightInit(WeightInit.ZERO)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(width).nOut(1).activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        int rows = positives.size() + negatives.size();
        List<float[]> all = new ArrayList<>(positives);
        all.addAll(negatives);
        INDArray features = scaled(all);
        INDArray labels = Nd4j.create(rows, 1);
        INDArray weights = Nd4j.create(rows, 1);
        for (int i = 0; i < rows; i++) {
            boolean positive = i < positives.size();
            labels.putScalar(i, 0, positive ? 1 : 0);
            // Balance the classes: each side contributes half of the loss.
            weights.putScalar(i, 0, rows / (2.0 * (positive ? positives.size() : negatives.size())));
        }
        DataSet data = new DataSet(features, labels, null, weights);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            network.fit(data);
        }
        return new CustomTagHead(network);
    }

    public double probability(float[] embedding) {
        return network.output(scaled(List.of(embedding)), false).getDouble(0);
    }

    public double[] probabilities(List<float[]> embeddings) {
        if (embeddings.isEmpty()) return new double[0];
        INDArray out = network.output(scaled(embeddings), false);
        return out.reshape(-1).toDoubleVector();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, bytes, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static CustomTagHead fromBytes(byte[] bytes) throws ModelException {
        try {
            return new CustomTagHead(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false));
        } catch (IOException | RuntimeException e) {
            throw new ModelException("A custom tag's classifier is damaged; teach the tag again: " + e.getMessage(), e);
        }
    }
}
