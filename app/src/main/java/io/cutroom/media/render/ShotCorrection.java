package io.cutroom.media.render;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * An automatic correction for one shot: linear white-balance gains [r, g, b] and an exposure change in EV,
 * from {@code startSec} (inclusive) to {@code endSec}.
 */
public record ShotCorrection(double startSec, double endSec, List<Double> gains, double exposure)
        implements Serializable {
    @JsonCreator
    public ShotCorrection(@JsonProperty("startSec") double startSec, @JsonProperty("endSec") double endSec,
                          @JsonProperty("gains") List<Double> gains, @JsonProperty("exposure") double exposure) {
        if (gains == null || gains.size() != 3 || gains.stream().anyMatch(g -> g == null || !(g > 0) || g > 16)) {
            throw new IllegalArgumentException("A shot's gains must be three positive numbers [r, g, b], not " + gains + ".");
        }
        if (!(endSec >= startSec) || Math.abs(exposure) > 8) {
            throw new IllegalArgumentException("A shot correction needs start <= end and exposure within 8 EV.");
        }
        this.startSec = startSec;
        this.endSec = endSec;
        this.gains = List.copyOf(gains);
        this.exposure = exposure;
    }
}
