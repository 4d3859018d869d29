package io.cutroom.media.render;

import java.nio.file.Path;

/**
 * One export: the source file, where the result goes, how it is encoded, and the optional crop track,
 * grade and loudness target (LUFS; null leaves the level as it is). A null crop keeps the whole picture
 * unless the preset fixes a shape, in which case the centred window of that shape is used.
 */
public record RenderRequest(Path source, Path output, RenderPreset preset, AspectRatio aspect, CropTrack crop,
                            Grade grade, Double loudnessTarget, boolean overwrite) {
}
