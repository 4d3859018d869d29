package io.cutroom.media.render;

import java.nio.file.Path;

/** A finished render: the file, its picture size, how many frames went in, and how long it took. */
public record RenderResult(Path output, int width, int height, long frames, double durationSec, double wallSeconds) {
}
