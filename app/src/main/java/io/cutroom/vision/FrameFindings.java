package io.cutroom.vision;

import java.util.List;

/** Everything the networks saw in one sampled picture. */
public record FrameFindings(double timeSec, SceneScores scene, List<Detection> objects, List<Detection> faces) {
}
