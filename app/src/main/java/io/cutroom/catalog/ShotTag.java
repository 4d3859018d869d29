package io.cutroom.catalog;

import java.io.Serializable;

/** A tag on one shot of an asset: how sure the model is, when in the clip, and which model said so. */
public record ShotTag(long assetId, int shotIndex, String tag, double confidence, double startSec, double endSec,
                      String model) implements Serializable {
}
