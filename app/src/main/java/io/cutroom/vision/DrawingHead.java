package io.cutroom.vision;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Whether a still is a drawing, painting or cartoon: logistic regression on the picture classifier's pooled
 * features ({@link SceneScores#embedding}), trained by {@code cutroom eval drawing --train} on public-domain
 * clip art and photographs (see models/MODEL_CARD.md). The classifier's own Drawing class was trained for content
 * safety and missed half of a set of children's-book cartoons and every painting it was shown.
 */
public final class DrawingHead {
    public static final String MODEL = "drawing_head";
    private final CustomTagHead head;

    private DrawingHead(CustomTagHead head) {
        this.head = head;
    }

    static DrawingHead load(ModelFiles files) throws ModelException {
        try {
            return new DrawingHead(CustomTagHead.fromBytes(Files.readAllBytes(files.verified(MODEL))));
        } catch (IOException e) {
            throw new ModelException("The drawing classifier could not be read: " + e.getMessage(), e);
        }
    }

    /** The probability that each picture is drawn, from its embedding (the classifier's features as they come). */
    public double[] probabilities(List<float[]> embeddings) {
        return head.probabilities(embeddings.stream().map(CustomTagHead::unit).toList());
    }
}
