package io.cutroom.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each converted model reproduces the official TF.js runtime on the committed fixtures
 * (models/fixtures/MODEL/*.reference.json, written by models/convert/reference.cjs).
 */
class ModelAgreementTest {
    static final Path FIXTURES = Path.of("..", "models", "fixtures");
    static VisionModels models;

    @BeforeAll
    static void load() throws ModelException {
        models = new VisionModels(ModelFiles.open(Path.of("..", "models")));
    }

    @Test
    void sceneClassifierAgreesWithTfjs() throws IOException {
        SceneClassifier classifier = models.scenes();
        for (Path image : fixtures("mobilenet_v2")) {
            INDArray input = ModelInput.batch(List.of(read(image)), 224, classifier.scale(), classifier.offset());
            SceneScores scores = classifier.run(input).get(0);
            JsonNode reference = reference(image);
            double probs = maxDifference(scores.probabilities(), reference.at("/outputs/dense_3"));
            double features = maxDifference(scores.embedding(), reference.at("/outputs/flatten_1"));
            System.out.printf("agreement mobilenet_v2 %s: probabilities %.2e, features %.2e%n", image.getFileName(), probs, features);
            assertThat(probs).isLessThan(1e-4);
            assertThat(features).isLessThan(1e-3);
        }
    }

    @Test
    void objectDetectorAgreesWithTfjs() throws IOException {
        for (Path image : fixtures("centernet")) {
            Map<String, INDArray> out = models.objects().run(ModelInput.batch(List.of(read(image)), 512, 1f, 0f));
            JsonNode reference = reference(image);
            double heat = maxDifference(flat(out.get("keypoints")), reference.at("/outputs/tower_0~1keypoints"));
            double edges = maxDifference(flat(out.get("wh")), reference.at("/outputs/tower_0~1wh"));
            System.out.printf("agreement centernet %s: heatmap %.2e, box edges %.2e px%n", image.getFileName(), heat, edges);
            assertThat(heat).isLessThan(1e-3);
            assertThat(edges).isLessThan(0.05);
        }
    }

    @Test
    void faceDetectorAgreesWithTfjs() throws IOException {
        for (Path image : fixtures("blazeface")) {
            Map<String, INDArray> out = models.faces().run(ModelInput.batch(List.of(read(image)), 256, 1 / 127.5f, -1f));
            JsonNode reference = reference(image);
            for (String name : List.of("Identity", "Identity_1", "Identity_2", "Identity_3")) {
                double difference = maxDifference(flat(out.get(name)), reference.at("/outputs/" + name));
                System.out.printf("agreement blazeface %s %s: %.2e%n", image.getFileName(), name, difference);
                assertThat(difference).isLessThan(1e-3);
            }
        }
    }

    static float[] flat(INDArray array) {
        return array.dup('c').data().asFloat();
    }

    /** Largest difference over the reference's sampled elements, after checking shape and total. */
    static double maxDifference(float[] actual, JsonNode reference) {
        long elements = 1;
        for (JsonNode d : reference.get("shape")) elements *= d.asLong();
        assertThat((long) actual.length).isEqualTo(elements);
        double sum = 0;
        for (float v : actual) sum += v;
        double expectedSum = reference.get("sum").asDouble();
        assertThat(Math.abs(sum - expectedSum)).isLessThan(1e-3 * Math.max(1, reference.get("sumAbs").asDouble()));
        double worst = 0;
        JsonNode indices = reference.get("indices");
        JsonNode values = reference.get("values");
        for (int i = 0; i < indices.size(); i++) {
            worst = Math.max(worst, Math.abs(actual[indices.get(i).asInt()] - values.get(i).asDouble()));
        }
        return worst;
    }

    static List<Path> fixtures(String model) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve(model))) {
            List<Path> images = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            assertThat(images).isNotEmpty();
            return images;
        }
    }

    static BufferedImage read(Path image) throws IOException {
        return ImageIO.read(image.toFile());
    }

    static JsonNode reference(Path image) throws IOException {
        File file = new File(image.toString().replaceAll("\\.png$", ".reference.json"));
        return new ObjectMapper().readTree(file);
    }
}
