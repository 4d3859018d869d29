package io.cutroom.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The shipped models folder: its manifest ({@code models.json}) and files, each verified against its
 * SHA-256 before anything loads it, so a damaged or swapped file never produces tags.
 */
public final class ModelFiles {
    public static final String MANIFEST = "models.json";
    private final Path folder;
    private final JsonNode manifest;

    private ModelFiles(Path folder, JsonNode manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    public static ModelFiles open(Path folder) throws ModelException {
        Path file = folder.resolve(MANIFEST);
        try {
            return new ModelFiles(folder, new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new ModelException("The model list " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The models folder: {@code -Dcutroom.models}, then {@code CUTROOM_MODELS}, then a {@code models/}
     * beside the application or one of its parent folders (a checkout or an installed app image).
     */
    public static ModelFiles locate() throws ModelException {
        String configured = System.getProperty("cutroom.models", System.getenv("CUTROOM_MODELS"));
        if (configured != null && !configured.isBlank()) {
            return open(Path.of(configured));
        }
        for (Path start : new Path[] {codeLocation(), Path.of("").toAbsolutePath()}) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("models").resolve(MANIFEST))) {
                    return open(dir.resolve("models"));
                }
            }
        }
        throw new ModelException("The tagging models were not found: no models/" + MANIFEST
                + " beside the application. Reinstall Cutroom or set CUTROOM_MODELS to its models folder.");
    }

    private static Path codeLocation() {
        try {
            return Path.of(ModelFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    public Path folder() {
        return folder;
    }

    public JsonNode spec(String model) throws ModelException {
        JsonNode spec = manifest.path("models").get(model);
        if (spec == null) {
            throw new ModelException("The model list in " + folder + " has no entry for " + model + ".");
        }
        return spec;
    }

    /** The model's file, after checking that its bytes are exactly the ones the manifest names. */
    public Path verified(String model) throws ModelException {
        JsonNode spec = spec(model);
        Path file = folder.resolve(spec.get("file").asText());
        if (!Files.isRegularFile(file)) {
            throw new ModelException("The model file " + file.getFileName() + " is missing from " + folder
                    + ". Tagging is off until it is restored.");
        }
        String expected = spec.get("sha256").asText();
        String actual = sha256(file);
        if (!expected.equalsIgnoreCase(actual)) {
            throw new ModelException("The model file " + file.getFileName() + " is damaged or was replaced"
                    + " (its SHA-256 does not match the one shipped). Tagging is off until it is restored.");
        }
        return file;
    }

    /** Checks every model the manifest lists, so a damaged one turns tagging off before any work starts. */
    public ModelFiles verifyAll() throws ModelException {
        for (var names = manifest.path("models").fieldNames(); names.hasNext(); ) {
            verified(names.next());
        }
        return this;
    }

    public static String sha256(Path file) throws ModelException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ModelException("The model file " + file.getFileName() + " could not be read: " + e.getMessage(), e);
        }
    }
}
