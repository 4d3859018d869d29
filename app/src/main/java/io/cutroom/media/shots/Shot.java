package io.cutroom.media.shots;

import java.io.Serializable;

/** A stretch of a clip between two cuts, in seconds from its start. */
public record Shot(int index, double startSec, double endSec) implements Serializable {
    public double lengthSec() {
        return endSec - startSec;
    }
}
