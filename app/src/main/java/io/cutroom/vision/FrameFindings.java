package io.cutroom.vision;

import java.util.List;

/**
 * Everything the networks saw in one sampled picture; {@code drawing} is the drawing head's probability that the
 * picture is drawn ({@link DrawingHead}).
 */
public record FrameFindings(double timeSec, SceneScores scene, double drawing, List<Detection> objects, List<Detection> faces) {
}
