package io.cutroom.bench;

import io.cutroom.vision.FaceDetector;
import io.cutroom.vision.ObjectDetector;
import io.cutroom.vision.SameDiffModel;
import io.cutroom.vision.SceneClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Floating-point operations per picture of each network, counted from its convolution and dense layers
 * (two per multiply-add) with the activation sizes of a real forward pass, so benchmarks can report the
 * GFLOP/s achieved rather than only milliseconds.
 */
public final class ModelCost {
    private ModelCost() {
    }

    public static double gflopsPerPicture(SceneClassifier classifier) {
        ComputationGraph graph = classifier.graph();
        int size = classifier.inputSize();
        Map<String, INDArray> activations = graph.feedForward(Nd4j.zeros(1, size, size, 3), false);
        double macs = 0;
        for (Layer layer : graph.getLayers()) {
            var conf = layer.conf().getLayer();
            INDArray out = activations.get(conf.getLayerName());
            if (out == null) continue;
            long outputs = out.length();
            if (conf instanceof DepthwiseConvolution2D depthwise) {
                macs += outputs * (double) depthwise.getKernelSize()[0] * depthwise.getKernelSize()[1];
            } else if (conf instanceof ConvolutionLayer conv) {
                macs += outputs * (double) conv.getKernelSize()[0] * conv.getKernelSize()[1] * conv.getNIn();
            } else if (conf instanceof DenseLayer dense) {
                macs += outputs * (double) dense.getNIn();
            }
        }
        return 2 * macs / 1e9;
    }

    public static double gflopsPerPicture(ObjectDetector detector) {
        return gflops(detector.model(), detector.inputSize());
    }

    public static double gflopsPerPicture(FaceDetector detector) {
        return gflops(detector.model(), detector.inputSize());
    }

    private static double gflops(SameDiffModel model, int size) {
        SameDiff sd = model.graph();
        List<DifferentialFunction> convolutions = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (DifferentialFunction op : sd.ops()) {
            String name = op.opName();
            if (name.equals("conv2d") || name.equals("depthwise_conv2d")) {
                convolutions.add(op);
                outputs.add(op.outputVariables()[0].name());
            }
        }
        Map<String, INDArray> shapes = sd.output(Map.of(model.inputName(), Nd4j.zeros(1, size, size, 3)),
                outputs.toArray(new String[0]));
        double macs = 0;
        for (int i = 0; i < convolutions.size(); i++) {
            SDVariable weights = convolutions.get(i).args()[1];
            long[] w = weights.getArr().shape(); // kH, kW, in, out (or depth multiplier)
            long outputsCount = shapes.get(outputs.get(i)).length();
            boolean depthwise = convolutions.get(i).opName().equals("depthwise_conv2d");
            macs += outputsCount * (double) w[0] * w[1] * (depthwise ? 1 : w[2]);
        }
        return 2 * macs / 1e9;
    }
}
