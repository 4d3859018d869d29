package io.cutroom.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelUtils;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Imports a TF.js Keras-layers model into a DL4J ComputationGraph through DL4J's own Keras importer:
 * the layer configuration comes from the model JSON and each layer's weights from the TF.js buffer.
 */
final class KerasLayersConverter {
    /** Keras writes these as integers when they happen to be whole; DL4J's importer reads them as doubles. */
    private static final Set<String> FLOAT_FIELDS = Set.of("max_value", "negative_slope", "threshold", "l1", "l2",
            "rate", "momentum", "epsilon");

    private KerasLayersConverter() {
    }

    static ComputationGraph convert(JsonNode model, Map<String, INDArray> weights) throws Exception {
        JsonNode topology = model.get("modelTopology");
        ObjectNode config = (ObjectNode) topology.get("model_config").deepCopy();
        config.put("keras_version", topology.path("keras_version").asText("2.2.4"));
        config.put("backend", topology.path("backend").asText("tensorflow"));
        wholeNumbersToDoubles(config);

        KerasModel keras = new KerasModel().modelBuilder()
                .modelJson(new ObjectMapper().writeValueAsString(config))
                .enforceTrainingConfig(false)
                .buildModel();
        int assigned = 0;
        for (Map.Entry<String, KerasLayer> entry : keras.getLayers().entrySet()) {
            Map<String, INDArray> layerWeights = new HashMap<>();
            String prefix = entry.getKey() + "/";
            weights.forEach((name, value) -> {
                if (name.startsWith(prefix)) layerWeights.put(name.substring(prefix.length()), value);
            });
            if (!layerWeights.isEmpty()) {
                entry.getValue().setWeights(layerWeights);
                assigned += layerWeights.size();
            }
        }
        if (assigned != weights.size()) {
            throw new IllegalStateException("Assigned " + assigned + " of " + weights.size() + " weight arrays");
        }
        // getComputationGraph copies weights only when they came from an HDF5 file: copy them here.
        ComputationGraph graph = keras.getComputationGraph(false);
        KerasModelUtils.copyWeightsToModel(graph, keras.getLayers());
        return graph;
    }

    private static void wholeNumbersToDoubles(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (FLOAT_FIELDS.contains(field.getKey()) && field.getValue().isIntegralNumber()) {
                    field.setValue(object.numberNode(field.getValue().asDouble()));
                } else {
                    wholeNumbersToDoubles(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node) wholeNumbersToDoubles(child);
        }
    }
}
