package io.cutroom.catalog;

import java.io.Serializable;

/**
 * A shot's embedding, L2-normalised and quantized to signed bytes: component i is {@code codes[i] / scale}.
 */
public record ShotEmbedding(long assetId, int shotIndex, double startSec, double endSec, String model, float scale,
                            byte[] codes) implements Serializable {

    public static ShotEmbedding quantize(long assetId, int shotIndex, double startSec, double endSec, String model,
                                         float[] vector) {
        double norm = 0;
        for (float v : vector) norm += v * v;
        norm = Math.sqrt(norm);
        float largest = 0;
        for (float v : vector) largest = Math.max(largest, Math.abs(v));
        float unitLargest = norm == 0 ? 0 : (float) (largest / norm);
        float scale = unitLargest == 0 ? 1 : 127f / unitLargest;
        byte[] codes = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) {
            codes[i] = norm == 0 ? 0 : (byte) Math.round(vector[i] / norm * scale);
        }
        return new ShotEmbedding(assetId, shotIndex, startSec, endSec, model, scale, codes);
    }

    public float[] vector() {
        float[] out = new float[codes.length];
        for (int i = 0; i < codes.length; i++) out[i] = codes[i] / scale;
        return out;
    }
}
