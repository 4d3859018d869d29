package io.cutroom.eval.tags;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutroom.vision.CalibratedThresholds;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.ShippedThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes a calibration into the models' thresholds file, and tells which pictures the shipped one was fitted on. */
public final class ThresholdsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ThresholdsFile() {
    }

    /**
     * How many of {@code pictures} the shipped thresholds were fitted on (by content, SHA-256), so an
     * evaluation can say when its shipped figures are in sample.
     */
    public static int calibratedOn(List<LabelledPicture> pictures) throws ModelException {
        return listedIn(ModelFiles.locate().folder().resolve(ShippedThresholds.FILE), "/calibration/sha256", pictures);
    }

    /**
     * How many of {@code pictures} a model's provenance file lists by SHA-256 in the array at {@code pointer}
     * (a JSON pointer); none when the file is missing or unreadable.
     */
    public static int listedIn(Path file, String pointer, List<LabelledPicture> pictures) throws ModelException {
        Set<String> seen = new HashSet<>();
        try {
            if (Files.isRegularFile(file)) {
                JSON.readTree(file.toFile()).at(pointer).forEach(h -> seen.add(h.asText()));
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
    public static void write(Path file, CalibratedThresholds calibrated, ObjectNode about,
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
