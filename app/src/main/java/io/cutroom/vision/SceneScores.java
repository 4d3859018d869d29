package io.cutroom.vision;

/** The classifier's class probabilities (in its label order) and its pooled features for one picture. */
public record SceneScores(float[] probabilities, float[] embedding) {
}
