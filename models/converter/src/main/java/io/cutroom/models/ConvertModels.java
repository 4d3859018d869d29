package io.cutroom.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts the unpacked TF.js models (models/convert/build, written by extract.cjs) into the files the
 * studio loads, and writes the fixture images the reference outputs are computed on.
 * Usage: ConvertModels BUILD_DIR MODELS_DIR [MODEL=IMAGE ...]
 */
public final class ConvertModels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConvertModels() {
    }

    public static void main(String[] args) throws Exception {
        Path build = Path.of(args[0]);
        Path models = Path.of(args[1]);
        Files.createDirectories(models);

        Path mobilenet = models.resolve("mobilenet_v2.zip");
        ComputationGraph graph = KerasLayersConverter.convert(read(build, "mobilenet_v2"), weights(build, "mobilenet_v2"));
        ModelSerializer.writeModel(graph, mobilenet.toFile(), false);
        report("mobilenet_v2", build, mobilenet);

        Map<String, String> centernetOutputs = new LinkedHashMap<>();
        centernetOutputs.put("tower_0/keypoints", "keypoints");
        centernetOutputs.put("tower_0/wh", "wh");
        saveGraph(build, models, "centernet", "tower_0/images", centernetOutputs);

        Map<String, String> blazefaceOutputs = new LinkedHashMap<>();
        for (String output : new String[]{"Identity", "Identity_1", "Identity_2", "Identity_3"}) {
            blazefaceOutputs.put(output, output);
        }
        saveGraph(build, models, "blazeface", "input", blazefaceOutputs);

        recordChecksums(models);
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            writeFixture(models.resolve("fixtures").resolve(pair[0]), Path.of(pair[1]), inputSize(pair[0]));
        }
    }

    private static void saveGraph(Path build, Path models, String name, String input, Map<String, String> outputs)
            throws IOException {
        SameDiff sd = new TfjsGraphConverter(read(build, name), weights(build, name)).convert(input, outputs);
        Path target = models.resolve(name + ".sdz");
        sd.save(target.toFile(), false);
        report(name, build, target);
    }

    private static int inputSize(String model) {
        return switch (model) {
            case "mobilenet_v2" -> 224;
            case "centernet" -> 512;
            case "blazeface" -> 256;
            default -> throw new IllegalArgumentException("Unknown model " + model);
        };
    }

    /** A fixture is the source image stretched to the model's input size, as the studio feeds frames. */
    private static void writeFixture(Path dir, Path source, int size) throws IOException {
        BufferedImage image = ImageIO.read(source.toFile());
        if (image == null) throw new IOException("Not an image: " + source);
        BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, size, size, null);
        g.dispose();
        Files.createDirectories(dir);
        String name = source.getFileName().toString().replaceAll("\\.[^.]+$", "") + ".png";
        ImageIO.write(scaled, "png", dir.resolve(name).toFile());
        System.out.println("fixture " + dir.getFileName() + "/" + name);
    }

    /** The studio refuses any model file whose SHA-256 differs from models.json: record the new ones. */
    private static void recordChecksums(Path models) throws IOException {
        Path manifestFile = models.resolve("models.json");
        JsonNode manifest = JSON.readTree(manifestFile.toFile());
        var entries = manifest.get("models").fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            Path file = models.resolve(entry.getValue().get("file").asText());
            ((com.fasterxml.jackson.databind.node.ObjectNode) entry.getValue()).put("sha256", sha256(file));
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(manifestFile.toFile(), manifest);
    }

    private static JsonNode read(Path build, String name) throws IOException {
        return JSON.readTree(build.resolve(name).resolve("model.json").toFile());
    }

    private static Map<String, INDArray> weights(Path build, String name) throws IOException {
        return TfjsWeights.decode(read(build, name).get("weightsManifest"),
                Files.readAllBytes(build.resolve(name).resolve("weights.bin")));
    }

    private static void report(String name, Path build, Path target) throws IOException {
        System.out.printf("%s: source model.json %s, weights.bin %s -> %s %s (%d bytes)%n", name,
                sha256(build.resolve(name).resolve("model.json")), sha256(build.resolve(name).resolve("weights.bin")),
                target.getFileName(), sha256(target), Files.size(target));
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
