package io.cutroom.color;

import io.cutroom.media.shots.Shot;
import java.io.Serializable;

/**
 * One shot's colour facts: the white balance and exposure concluded from its sampled frames (combined, so
 * the correction is one value for the whole shot), and how many frames were looked at.
 */
public record ShotColor(Shot shot, WhiteBalance balance, Exposure exposure, int frames)
        implements Serializable {
}
