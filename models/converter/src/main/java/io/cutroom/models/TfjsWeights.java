package io.cutroom.models;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a TF.js model: one little-endian buffer cut by the manifest, each entry optionally
 * quantized (uint8/uint16 as value × scale + min, or float16), decoded to float32 or int32 arrays.
 */
final class TfjsWeights {
    private TfjsWeights() {
    }

    static Map<String, INDArray> decode(JsonNode manifest, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        for (JsonNode group : manifest) {
            for (JsonNode spec : group.get("weights")) {
                long[] shape = shapeOf(spec.get("shape"));
                int count = (int) elementCount(shape);
                JsonNode quantization = spec.get("quantization");
                String dtype = spec.get("dtype").asText();
                INDArray array;
                if (quantization != null) {
                    array = dequantize(buffer, count, quantization);
                } else if ("int32".equals(dtype)) {
                    int[] values = new int[count];
                    for (int i = 0; i < count; i++) values[i] = buffer.getInt();
                    array = Nd4j.createFromArray(values);
                } else if ("float32".equals(dtype)) {
                    float[] values = new float[count];
                    for (int i = 0; i < count; i++) values[i] = buffer.getFloat();
                    array = Nd4j.createFromArray(values);
                } else {
                    throw new IllegalArgumentException("Unsupported weight type " + dtype + " for " + spec.get("name"));
                }
                if ("int32".equals(dtype) && array.dataType() != DataType.INT32) array = array.castTo(DataType.INT32);
                weights.put(spec.get("name").asText(), shape.length == 0 ? array.reshape() : array.reshape('c', shape));
            }
        }
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException(buffer.remaining() + " weight bytes left over: manifest and data disagree");
        }
        return weights;
    }

    private static INDArray dequantize(ByteBuffer buffer, int count, JsonNode quantization) {
        String stored = quantization.get("dtype").asText();
        float[] values = new float[count];
        switch (stored) {
            case "float16" -> {
                for (int i = 0; i < count; i++) values[i] = halfToFloat(buffer.getShort());
            }
            case "uint8", "uint16" -> {
                double min = quantization.get("min").asDouble();
                double scale = quantization.get("scale").asDouble();
                for (int i = 0; i < count; i++) {
                    int raw = "uint8".equals(stored) ? Byte.toUnsignedInt(buffer.get()) : Short.toUnsignedInt(buffer.getShort());
                    values[i] = (float) (raw * scale + min);
                }
            }
            default -> throw new IllegalArgumentException("Unsupported quantization " + stored);
        }
        return Nd4j.createFromArray(values);
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    static long[] shapeOf(JsonNode dims) {
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i).asLong();
        return shape;
    }

    static long elementCount(long[] shape) {
        long count = 1;
        for (long d : shape) count *= d;
        return count;
    }
}
