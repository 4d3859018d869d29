package io.cutroom.vision;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A converted TF.js graph saved as SameDiff: one placeholder in, named outputs out. */
public final class SameDiffModel {
    private final SameDiff graph;
    private final String input;

    SameDiffModel(Path file, String what) throws ModelException {
        try {
            graph = SameDiff.load(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new ModelException("The " + what + " could not be loaded: " + e.getMessage(), e);
        }
        List<String> placeholders = graph.inputs();
        if (placeholders.size() != 1) {
            throw new ModelException("The " + what + " has " + placeholders.size() + " inputs; one was expected.");
        }
        input = placeholders.get(0);
    }

    public SameDiff graph() {
        return graph;
    }

    public String inputName() {
        return input;
    }

    Map<String, INDArray> run(INDArray batch, String... outputs) {
        synchronized (graph) {
            return graph.output(Map.of(input, batch), outputs);
        }
    }
}
