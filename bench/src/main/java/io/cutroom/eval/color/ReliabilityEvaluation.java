package io.cutroom.eval.color;

import io.cutroom.color.ColorCast;
import io.cutroom.color.CorrectionReliability;
import io.cutroom.color.Illuminant;
import io.cutroom.color.LinearImage;
import io.cutroom.color.WhiteBalanceEstimator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Learns how reliable a white-balance correction is ({@link CorrectionReliability}) from pictures whose light is
 * known, and measures it out of fold. Every picture is weighed once under no cast and once under each cast; a
 * correction is labelled as helping when it leaves less cast than no correction. Each example counts by how many
 * degrees it gained or lost, and a balanced picture's by {@link #BALANCED_WEIGHT} times that.
 */
public final class ReliabilityEvaluation {
    /**
     * A degree of harm to a balanced picture counts this many times a degree of cast left in. Each balanced photo
     * comes with nine casts (a scene of the colour set with five), so at 1 the fit weighs a picture as it is at a
     * tenth of its casts, and an editor presses Auto on footage that is mostly fine already. Out of fold on the
     * development sets, 1 cut the harm to the shared photos from 0.67° to 0.58° on average, 2 to 0.21° and 3 to
     * 0.04°; but at 3 small casts (a 3° tint) were left in too, and the INTEL-TAU median residual of
     * {@code eval color --dataset} rose from 1.84° to 2.05° (in sample; 1.87° at 2).
     */
    public static final double BALANCED_WEIGHT = 2;
    static final int EPOCHS = 2000;

    /** One picture under one cast, weighed by the estimator with no reliability model. */
    public record Example(String set, String picture, String cast, Illuminant truth, WhiteBalanceEstimator.Weighing weighing) {
        public boolean balanced() {
            return truth.angleFromNeutral() < 1e-9;
        }

        /** The cast left, in degrees, after a correction of {@code share} of the evidence's strength. */
        public double residual(double share) {
            Illuminant taken = WhiteBalanceEstimator.lightTakenOut(weighing.estimate(), weighing.strength() * share);
            double[] t = truth.rgb();
            double[] k = taken.rgb();
            return Illuminant.of(new double[] {t[0] / k[0], t[1] / k[1], t[2] / k[2]}).angleFromNeutral();
        }

        public boolean corrects() {
            return weighing.strength() > 0;
        }
    }

    private ReliabilityEvaluation() {
    }

    /** The examples of one picture: as it is, and under each cast. {@code group} keeps copies of one photo together. */
    public static List<Example> weigh(String set, String group, List<ColorCast> casts, CastPicture picture) throws IOException {
        WhiteBalanceEstimator evidenceOnly = new WhiteBalanceEstimator(WhiteBalanceEstimator.Settings.DEFAULT);
        List<Example> out = new ArrayList<>();
        List<ColorCast> all = new ArrayList<>(List.of(new ColorCast("none", new double[] {1, 1, 1})));
        all.addAll(casts);
        for (ColorCast cast : all) {
            WhiteBalanceEstimator.Weighing w = evidenceOnly.weigh(picture.under(cast));
            if (w != null) {
                out.add(new Example(set, group, cast.name(), cast.illuminant(), w));
            }
        }
        return out;
    }

    /** A balanced picture put under a cast. */
    public interface CastPicture {
        LinearImage under(ColorCast cast) throws IOException;
    }

    /** Fits the model on these examples (those the evidence would correct at all). */
    public static CorrectionReliability train(List<Example> examples, long seed) {
        return train(examples, seed, BALANCED_WEIGHT);
    }

    /** @param balancedWeight how many degrees of cast left in a degree of harm to a balanced picture counts as */
    public static CorrectionReliability train(List<Example> examples, long seed, double balancedWeight) {
        List<Example> used = examples.stream().filter(Example::corrects).toList();
        int n = CorrectionReliability.Features.NAMES.size();
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (Example e : used) {
            double[] x = e.weighing().features().values();
            for (int j = 0; j < n; j++) mean[j] += x[j] / used.size();
        }
        for (Example e : used) {
            double[] x = e.weighing().features().values();
            for (int j = 0; j < n; j++) scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / used.size();
        }
        for (int j = 0; j < n; j++) scale[j] = Math.sqrt(scale[j]) + 1e-9;
        INDArray features = Nd4j.create(used.size(), n);
        INDArray labels = Nd4j.create(used.size(), 1);
        INDArray weights = Nd4j.create(used.size(), 1);
        double totalWeight = 0;
        for (Example e : used) totalWeight += weight(e, balancedWeight);
        for (int i = 0; i < used.size(); i++) {
            Example e = used.get(i);
            double[] x = e.weighing().features().values();
            for (int j = 0; j < n; j++) features.putScalar(i, j, (x[j] - mean[j]) / scale[j]);
            labels.putScalar(i, 0, e.residual(1) < e.residual(0) ? 1 : 0);
            // Weights average 1, so the learning rate means the same whatever the set's size.
            weights.putScalar(i, 0, weight(e, balancedWeight) * used.size() / totalWeight);
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(0.05))
                .l2(1e-3)
                .weightInit(WeightInit.ZERO)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(n).nOut(1).activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        DataSet data = new DataSet(features, labels, null, weights);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            network.fit(data);
        }
        double[] w = network.getParam("0_W").reshape(-1).toDoubleVector();
        double b = network.getParam("0_b").getDouble(0);
        return new CorrectionReliability(w, b, mean, scale);
    }

    private static double weight(Example e, double balancedWeight) {
        double gained = Math.abs(e.residual(0) - e.residual(1));
        return gained * (e.balanced() ? balancedWeight : 1);
    }

    /** Pictures go to folds by a shuffle of their groups seeded with {@code seed}. */
    public static Map<String, Integer> folds(List<Example> examples, int folds, long seed) {
        List<String> groups = new ArrayList<>(examples.stream().map(ReliabilityEvaluation::groupOf).distinct().sorted().toList());
        Collections.shuffle(groups, new Random(seed));
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        for (int k = 0; k < groups.size(); k++) foldOf.put(groups.get(k), k % folds);
        return foldOf;
    }

    public static String groupOf(Example e) {
        return e.set() + "/" + e.picture();
    }

    /** The share of its strength each example's correction keeps under a model trained on the other folds only. */
    public static double[] outOfFold(List<Example> examples, int folds, long seed) {
        return outOfFold(examples, folds, seed, BALANCED_WEIGHT);
    }

    public static double[] outOfFold(List<Example> examples, int folds, long seed, double balancedWeight) {
        Map<String, Integer> foldOf = folds(examples, folds, seed);
        double[] share = new double[examples.size()];
        for (int f = 0; f < folds; f++) {
            List<Example> training = new ArrayList<>();
            for (Example e : examples) if (foldOf.get(groupOf(e)) != f) training.add(e);
            CorrectionReliability model = train(training, seed, balancedWeight);
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                if (foldOf.get(groupOf(e)) == f) share[i] = e.corrects() ? model.share(e.weighing().features()) : 1;
            }
        }
        return share;
    }

    /** Each example's share under one model (the shipped one, say). */
    public static double[] under(List<Example> examples, CorrectionReliability model) {
        double[] share = new double[examples.size()];
        for (int i = 0; i < share.length; i++) {
            Example e = examples.get(i);
            share[i] = e.corrects() ? model.share(e.weighing().features()) : 1;
        }
        return share;
    }
}
