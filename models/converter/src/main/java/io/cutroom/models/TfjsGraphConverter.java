package io.cutroom.models;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a TF.js graph model (a GraphDef in JSON, float16 or float32 weights) as a SameDiff graph,
 * op by op, from the input placeholder to the requested outputs. TF.js stores convolutions fused with
 * their bias and activation ({@code _FusedConv2D}, {@code FusedDepthwiseConv2dNative}); they are split
 * back into a convolution with bias and a separate activation. Only the ops these models use are
 * mapped; any other op stops the conversion with its name, so nothing is silently approximated.
 */
final class TfjsGraphConverter {
    private final Map<String, JsonNode> nodes = new LinkedHashMap<>();
    private final Map<String, INDArray> constants;
    private final Map<String, SDVariable> built = new HashMap<>();
    private final SameDiff sd = SameDiff.create();

    TfjsGraphConverter(JsonNode model, Map<String, INDArray> weights) {
        for (JsonNode node : model.get("modelTopology").get("node")) nodes.put(node.get("name").asText(), node);
        this.constants = new HashMap<>(weights);
    }

    /** Builds the graph; {@code outputs} maps each TF.js node to the name it gets in SameDiff. */
    SameDiff convert(String inputName, Map<String, String> outputs) {
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            sd.identity(output.getValue(), variable(output.getKey()));
        }
        if (!built.containsKey(inputName)) throw new IllegalStateException("Graph does not use its input " + inputName);
        return sd;
    }

    private SDVariable variable(String reference) {
        String name = reference.startsWith("^") ? reference.substring(1) : reference;
        int colon = name.lastIndexOf(':');
        if (colon > 0) throw new IllegalArgumentException("Multi-output op feeds " + name + "; not supported");
        SDVariable existing = built.get(name);
        if (existing != null) return existing;
        SDVariable created = build(name);
        built.put(name, created);
        return created;
    }

    private SDVariable build(String name) {
        JsonNode node = nodes.get(name);
        if (node == null) throw new IllegalArgumentException("No node " + name);
        String op = node.get("op").asText();
        if ("Const".equals(op)) {
            INDArray value = constant(name);
            return sd.constant(safe(name), value);
        }
        if ("Placeholder".equals(op)) {
            long[] shape = placeholderShape(node);
            shape[0] = -1; // any batch size
            return sd.placeHolder(safe(name), DataType.FLOAT, shape);
        }
        List<String> inputs = dataInputs(node);
        INDArray folded = tryFold(op, inputs);
        if (folded != null) {
            constants.put(name, folded);
            return sd.constant(safe(name), folded);
        }
        JsonNode attr = node.get("attr");
        return switch (op) {
            case "_FusedConv2D" -> activation(attr, sd.cnn().conv2d(variable(inputs.get(0)), variable(inputs.get(1)),
                    variable(inputs.get(2)), convConfig(attr, constant(inputs.get(1)))));
            case "FusedDepthwiseConv2dNative" -> activation(attr, sd.cnn().depthWiseConv2d(variable(inputs.get(0)),
                    variable(inputs.get(1)), variable(inputs.get(2)), convConfig(attr, constant(inputs.get(1)))));
            case "Conv2D" -> sd.cnn().conv2d(variable(inputs.get(0)), variable(inputs.get(1)), convConfig(attr, constant(inputs.get(1))));
            case "DepthwiseConv2dNative" -> sd.cnn().depthWiseConv2d(variable(inputs.get(0)), variable(inputs.get(1)),
                    convConfig(attr, constant(inputs.get(1))));
            case "Relu" -> sd.nn().relu(variable(inputs.get(0)), 0);
            case "Relu6" -> sd.nn().relu6(variable(inputs.get(0)), 0);
            case "Sigmoid" -> sd.nn().sigmoid(variable(inputs.get(0)));
            case "Identity" -> variable(inputs.get(0));
            case "Add", "AddV2" -> variable(inputs.get(0)).add(variable(inputs.get(1)));
            case "Sub" -> variable(inputs.get(0)).sub(variable(inputs.get(1)));
            case "Mul" -> variable(inputs.get(0)).mul(variable(inputs.get(1)));
            case "Mean" -> sd.mean(variable(inputs.get(0)), bool(attr, "keep_dims"), ints(constant(inputs.get(1))));
            case "ConcatV2" -> concat(inputs);
            case "ResizeBilinear" -> upsampleTwice(variable(inputs.get(0)), ints(constant(inputs.get(1))), attr);
            case "MaxPool" -> sd.cnn().maxPooling2d(variable(inputs.get(0)), poolConfig(attr));
            case "Pad" -> sd.nn().pad(variable(inputs.get(0)), variable(inputs.get(1)), 0.0);
            case "Reshape" -> sd.reshape(variable(inputs.get(0)), anyBatch(inputs.get(1)));
            default -> throw new UnsupportedOperationException("TF.js op " + op + " (node " + name + ") is not mapped");
        };
    }

    /**
     * TF's legacy bilinear resize (no aligned corners, no half-pixel centres) at exactly twice the size,
     * written with slices and reshapes: M2.1's ResizeBilinear op saves but cannot be loaded back.
     * Each new row (then column) between two old ones is their mean; the last repeats the edge.
     */
    private SDVariable upsampleTwice(SDVariable x, int[] size, JsonNode attr) {
        if (bool(attr, "align_corners") || bool(attr, "half_pixel_centers")) {
            throw new UnsupportedOperationException("Only legacy bilinear resizing is mapped");
        }
        long[] shape = staticShape(x);
        if (size[0] != 2 * shape[1] || size[1] != 2 * shape[2]) {
            throw new UnsupportedOperationException("Only resizing to twice the size is mapped");
        }
        SDVariable rows = interleaveWithMeans(x, 1, shape[1], new long[] {-1, shape[1] * 2, shape[2], shape[3]});
        return interleaveWithMeans(rows, 2, shape[2], new long[] {-1, shape[1] * 2, shape[2] * 2, shape[3]});
    }

    private SDVariable interleaveWithMeans(SDVariable x, int axis, long length, long[] resultShape) {
        SDIndex[] tail = new SDIndex[] {SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.all()};
        SDIndex[] last = tail.clone();
        tail[axis] = SDIndex.interval(1L, length);
        last[axis] = SDIndex.interval(length - 1, length);
        SDVariable next = sd.concat(axis, x.get(tail), x.get(last));
        SDVariable means = x.add(next).mul(0.5);
        return sd.reshape(sd.stack(axis + 1, x, means), resultShape);
    }

    /** The shape an intermediate tensor has for one input picture, found by running the graph so far. */
    private long[] staticShape(SDVariable x) {
        String placeholder = sd.inputs().get(0);
        long[] inputShape = sd.getVariable(placeholder).getShape().clone();
        inputShape[0] = 1;
        INDArray probe = org.nd4j.linalg.factory.Nd4j.zeros(DataType.FLOAT, inputShape);
        return sd.output(Map.of(placeholder, probe), x.name()).get(x.name()).shape();
    }

    /** TF.js bakes batch size 1 into reshape targets; -1 lets the graph run whole batches. */
    private SDVariable anyBatch(String shapeName) {
        INDArray shape = constant(shapeName).castTo(DataType.INT64).dup();
        if (shape.length() > 1 && shape.getLong(0) == 1) shape.putScalar(0, -1);
        return sd.constant(safe(shapeName) + "_any_batch", shape);
    }

    private SDVariable concat(List<String> inputs) {
        int axis = ints(constant(inputs.get(inputs.size() - 1)))[0];
        SDVariable[] parts = new SDVariable[inputs.size() - 1];
        for (int i = 0; i < parts.length; i++) parts[i] = variable(inputs.get(i));
        return sd.concat(axis, parts);
    }

    /** Shape arithmetic on constants (e.g. an upsampling size) is evaluated here, once. */
    private INDArray tryFold(String op, List<String> inputs) {
        if (!List.of("Mul", "Add", "AddV2", "Sub").contains(op)) return null;
        for (String input : inputs) {
            JsonNode source = nodes.get(input);
            if (source == null || !constants.containsKey(input) && !"Const".equals(source.get("op").asText())) return null;
        }
        INDArray a = constant(inputs.get(0));
        INDArray b = constant(inputs.get(1));
        if (a.dataType() != b.dataType()) b = b.castTo(a.dataType());
        return switch (op) {
            case "Mul" -> a.mul(b);
            case "Sub" -> a.sub(b);
            default -> a.add(b);
        };
    }

    private SDVariable activation(JsonNode attr, SDVariable convolved) {
        List<String> fused = strings(attr.get("fused_ops"));
        if (fused.isEmpty() || !"BiasAdd".equals(fused.get(0))) {
            throw new UnsupportedOperationException("Fused ops " + fused + " are not mapped");
        }
        if (fused.size() == 1) return convolved;
        return switch (fused.get(1)) {
            case "Relu" -> sd.nn().relu(convolved, 0);
            case "Relu6" -> sd.nn().relu6(convolved, 0);
            default -> throw new UnsupportedOperationException("Fused activation " + fused.get(1) + " is not mapped");
        };
    }

    private static Conv2DConfig convConfig(JsonNode attr, INDArray weights) {
        long[] strides = longs(attr.get("strides"));
        long[] dilations = attr.has("dilations") ? longs(attr.get("dilations")) : new long[]{1, 1, 1, 1};
        requireNhwc(attr);
        return Conv2DConfig.builder()
                .kH(weights.size(0)).kW(weights.size(1))
                .sH(strides[1]).sW(strides[2])
                .dH(dilations[1]).dW(dilations[2])
                .paddingMode(padding(attr))
                .dataFormat(Conv2DConfig.NHWC)
                .weightsFormat(WeightsFormat.YXIO)
                .build();
    }

    private static Pooling2DConfig poolConfig(JsonNode attr) {
        long[] size = longs(attr.get("ksize"));
        long[] strides = longs(attr.get("strides"));
        requireNhwc(attr);
        return Pooling2DConfig.builder()
                .kH(size[1]).kW(size[2]).sH(strides[1]).sW(strides[2])
                .paddingMode(padding(attr))
                .type(Pooling2D.Pooling2DType.MAX)
                .isNHWC(true)
                .build();
    }

    private static PaddingMode padding(JsonNode attr) {
        String mode = text(attr.get("padding"));
        return switch (mode) {
            case "SAME" -> PaddingMode.SAME;
            case "VALID" -> PaddingMode.VALID;
            default -> throw new UnsupportedOperationException("Padding " + mode + " is not mapped");
        };
    }

    private static void requireNhwc(JsonNode attr) {
        if (attr.has("data_format") && !"NHWC".equals(text(attr.get("data_format")))) {
            throw new UnsupportedOperationException("Only NHWC layouts are mapped");
        }
    }

    private INDArray constant(String name) {
        INDArray value = constants.get(name);
        if (value == null) throw new IllegalArgumentException("Constant " + name + " has no weights");
        return value;
    }

    private static List<String> dataInputs(JsonNode node) {
        List<String> inputs = new ArrayList<>();
        if (node.has("input")) {
            for (JsonNode input : node.get("input")) {
                if (!input.asText().startsWith("^")) inputs.add(input.asText()); // control edges carry no data
            }
        }
        return inputs;
    }

    private static long[] placeholderShape(JsonNode node) {
        JsonNode dims = node.get("attr").get("shape").get("shape").get("dim");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i).get("size").asLong();
        return shape;
    }

    private static String safe(String tfName) {
        return tfName.replace(':', '_');
    }

    private static boolean bool(JsonNode attr, String key) {
        return attr != null && attr.has(key) && attr.get(key).path("b").asBoolean(false);
    }

    private static String text(JsonNode value) {
        return new String(Base64.getDecoder().decode(value.get("s").asText()), StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (JsonNode s : value.path("list").path("s")) {
            out.add(new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static long[] longs(JsonNode value) {
        JsonNode list = value.get("list").get("i");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i).asLong();
        return out;
    }

    private static int[] ints(INDArray value) {
        return value.castTo(DataType.INT32).data().asInt();
    }
}
