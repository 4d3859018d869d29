package io.cutroom.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * The calibrated tag thresholds shipped with the models ({@code models/tag_thresholds.json}), with the
 * pictures they were fitted on and their out-of-fold figures, so the file says where its numbers came from.
 */
public final class ShippedThresholds {
    public static final String FILE = "tag_thresholds.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Optional<ThresholdCalibration.Calibrated> loaded;

    private ShippedThresholds() {
    }

    /** The shipped calibration, read once; empty (fixed defaults) when the models folder or the file is missing. */
    static Optional<ThresholdCalibration.Calibrated> calibrated() {
        Optional<ThresholdCalibration.Calibrated> known = loaded;
        if (known == null) {
            known = readShipped();
            loaded = known;
        }
        return known;
    }

    private static Optional<ThresholdCalibration.Calibrated> readShipped() {
        try {
            Path file = ModelFiles.locate().folder().resolve(FILE);
            return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
        } catch (ModelException | IOException | RuntimeException e) {
            LoggerFactory.getLogger(ShippedThresholds.class).warn("Tag thresholds not read; fixed defaults are used", e);
            return Optional.empty();
        }
    }

    public static ThresholdCalibration.Calibrated read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (!root.path("shared").isNumber()) {
            throw new IOException(file.getFileName() + " has no shared threshold.");
        }
        Map<String, Double> own = new TreeMap<>();
        root.path("perClass").fields().forEachRemaining(e -> own.put(e.getKey(), e.getValue().asDouble()));
        return new ThresholdCalibration.Calibrated(root.get("shared").asDouble(), own);
    }

    /**
     * How many of {@code pictures} the shipped thresholds were fitted on (by content, SHA-256), so an
     * evaluation can say when its shipped figures are in sample.
     */
    public static int calibratedOn(List<LabelledPicture> pictures) throws ModelException {
        Path file = ModelFiles.locate().folder().resolve(FILE);
        Set<String> seen = new HashSet<>();
        try {
            if (Files.isRegularFile(file)) {
                JSON.readTree(file.toFile()).path("calibration").path("sha256").forEach(h -> seen.add(h.asText()));
            }
        } catch (IOException e) {
            return 0;
        }
        int n = 0;
        for (LabelledPicture p : pictures) {
            if (seen.contains(ModelFiles.sha256(p.file()))) {
                n++;
            }
        }
        return n;
    }

    /** Writes the calibration, its provenance ({@code about}) and its pictures' SHA-256 through a temporary file. */
    public static void write(Path file, ThresholdCalibration.Calibrated calibrated, ObjectNode about,
                             List<Path> pictures) throws IOException {
        var hashes = about.putArray("sha256");
        for (Path p : pictures) {
            try {
                hashes.add(ModelFiles.sha256(p));
            } catch (ModelException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("comment", "Tag thresholds calibrated by cutroom eval tag --calibrate; see MODEL_CARD.md.");
        root.put("shared", calibrated.shared());
        ObjectNode own = root.putObject("perClass");
        calibrated.perClass().forEach(own::put);
        root.set("calibration", about);
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static ObjectNode newNode() {
        return JSON.createObjectNode();
    }
}
