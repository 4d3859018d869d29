package io.cutroom.media.shots;

/** A stretch of a clip between two cuts, in seconds from its start. */
public record Shot(int index, double startSec, double endSec) implements java.io.Serializable {
    public double lengthSec() {
        return endSec - startSec;
    }
}
