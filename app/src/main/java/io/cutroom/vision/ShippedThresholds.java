package io.cutroom.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * The calibrated tag thresholds shipped with the models ({@code models/tag_thresholds.json}), with the
 * pictures they were fitted on and their out-of-fold figures, so the file says where its numbers came from.
 */
public final class ShippedThresholds {
    public static final String FILE = "tag_thresholds.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Optional<CalibratedThresholds> loaded;

    private ShippedThresholds() {
    }

    /** The shipped calibration, read once; empty (fixed defaults) when the models folder or the file is missing. */
    static Optional<CalibratedThresholds> calibrated() {
        Optional<CalibratedThresholds> known = loaded;
        if (known == null) {
            known = readShipped();
            loaded = known;
        }
        return known;
    }

    private static Optional<CalibratedThresholds> readShipped() {
        try {
            Path file = ModelFiles.locate().folder().resolve(FILE);
            return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
        } catch (ModelException | IOException | RuntimeException e) {
            LoggerFactory.getLogger(ShippedThresholds.class).warn("Tag thresholds not read; fixed defaults are used", e);
            return Optional.empty();
        }
    }

    public static CalibratedThresholds read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (!root.path("shared").isNumber()) {
            throw new IOException(file.getFileName() + " has no shared threshold.");
        }
        Map<String, Double> own = new TreeMap<>();
        root.path("perClass").fields().forEachRemaining(e -> own.put(e.getKey(), e.getValue().asDouble()));
        return new CalibratedThresholds(root.get("shared").asDouble(), own);
    }
}
