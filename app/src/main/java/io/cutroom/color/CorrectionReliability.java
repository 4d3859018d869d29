package io.cutroom.color;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * How likely a white-balance correction is to help rather than harm, learned from pictures whose true light is
 * known: logistic regression on what the grey evidence looked like ({@link Features}). A correction more likely
 * to harm than to help is dropped ({@link #share}), so the strength follows the estimator's measured reliability. Small corrections of
 * pictures that already hold some grey were the ones that most often harmed a balanced picture; large casts with a
 * clear grey crowd almost always helped.
 *
 * <p>Trained by {@code cutroom eval wb-reliability --train} (see models/MODEL_CARD.md) and shipped as
 * {@code models/wb_reliability.json}, with the sets it was fitted on and its out-of-fold figures. Without the
 * file the estimator corrects as far as the evidence alone says.
 */
public final class CorrectionReliability {
    public static final String FILE = "wb_reliability.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Optional<CorrectionReliability> shipped;
    /** Half the width of the ease between dropping a correction and keeping it, in probability. */
    static final double EASE = 0.1;

    private final double[] weights;
    private final double bias;
    private final double[] mean;
    private final double[] scale;

    /**
     * What the correction's evidence looked like, as the model reads it.
     *
     * @param shareAtStrength log of the grey share where the correction stops
     * @param shareUncorrected log of the grey share with no correction
     * @param peakAt where, in shares of the way to the estimated light (up to 2), the grey share is largest
     * @param size the correction's size in log chromaticity
     * @param beyond log of how the grey share changes a fifth of the way further on (negative: a peak)
     * @param before log of how it changes a fifth of the way back
     */
    public record Features(double shareAtStrength, double shareUncorrected, double peakAt, double size, double beyond,
                           double before) {
        public static final List<String> NAMES = List.of("shareAtStrength", "shareUncorrected", "peakAt", "size",
                "beyond", "before");
        /** Shares are floored at this before their log is taken: under a thousandth of a picture is none. */
        static final double FLOOR = 1e-3;
        /** A fifth of the way, in the curve's steps. */
        private static final int NEAR = NeutralEvidence.STEPS / 5;

        /** @param curve the grey share along the way ({@link NeutralEvidence#curve}), {@code strength} in [0, 1] */
        static Features of(double[] curve, double strength, Illuminant estimate) {
            int at = (int) Math.round(strength * NeutralEvidence.STEPS);
            int peak = 1;
            for (int s = 1; s < curve.length; s++) {
                if (curve[s] > curve[peak]) peak = s;
            }
            double[] uv = estimate.logChroma();
            double here = log(curve[at]);
            return new Features(here, log(curve[0]), peak / (double) NeutralEvidence.STEPS,
                    Math.hypot(uv[0], uv[1]) * strength, log(curve[Math.min(curve.length - 1, at + NEAR)]) - here,
                    log(curve[Math.max(0, at - NEAR)]) - here);
        }

        private static double log(double share) {
            return Math.log(share + FLOOR);
        }

        public double[] values() {
            return new double[] {shareAtStrength, shareUncorrected, peakAt, size, beyond, before};
        }
    }

    /** @param mean and {@code scale} standardize each feature before the weights apply */
    public CorrectionReliability(double[] weights, double bias, double[] mean, double[] scale) {
        int n = Features.NAMES.size();
        if (weights.length != n || mean.length != n || scale.length != n) {
            throw new IllegalArgumentException("A reliability model needs " + n + " weights, means and scales.");
        }
        this.weights = weights.clone();
        this.bias = bias;
        this.mean = mean.clone();
        this.scale = scale.clone();
    }

    /**
     * The share of its strength a correction with these features keeps: all of it when it more likely helps than
     * harms, none when it more likely harms, eased over {@link #EASE} either side of even odds so two nearly alike
     * pictures are not treated very differently. The training weighs each example by the degrees at stake, so even
     * odds are where the expected gain and the expected harm balance. (Multiplying the strength by the probability
     * itself left a share of every real cast in: on the INTEL-TAU sample the median residual rose from 1.84° to
     * 2.22°, in sample.)
     */
    public double share(Features features) {
        double p = of(features);
        return Math.max(0, Math.min(1, (p - (0.5 - EASE)) / (2 * EASE)));
    }

    /** The probability that a correction with these features helps. */
    public double of(Features features) {
        double[] x = features.values();
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public double[] weights() {
        return weights.clone();
    }

    public double bias() {
        return bias;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    /** The model shipped in the models folder, read once; empty when the folder or the file is missing. */
    public static Optional<CorrectionReliability> shipped() {
        Optional<CorrectionReliability> known = shipped;
        if (known == null) {
            known = readShipped();
            shipped = known;
        }
        return known;
    }

    private static Optional<CorrectionReliability> readShipped() {
        try {
            Path file = ModelFiles.locate().folder().resolve(FILE);
            return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
        } catch (ModelException | IOException | RuntimeException e) {
            LoggerFactory.getLogger(CorrectionReliability.class)
                    .warn("White balance reliability not read; corrections follow the grey evidence alone", e);
            return Optional.empty();
        }
    }

    public static CorrectionReliability read(Path file) throws IOException {
        JsonNode model = JSON.readTree(file.toFile()).path("model");
        if (!model.path("weights").isArray() || !model.path("bias").isNumber()) {
            throw new IOException(file.getFileName() + " holds no reliability model.");
        }
        try {
            return new CorrectionReliability(numbers(model.path("weights")), model.get("bias").asDouble(),
                    numbers(model.path("mean")), numbers(model.path("scale")));
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
