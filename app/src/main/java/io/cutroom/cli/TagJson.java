package io.cutroom.cli;

import io.cutroom.catalog.ShotTag;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON contract of one tag: tag, confidence, startSec, endSec, model (and the shot it is on). */
final class TagJson {
    private TagJson() {
    }

    static Map<String, Object> of(ShotTag tag) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tag", tag.tag());
        json.put("confidence", tag.confidence());
        json.put("startSec", tag.startSec());
        json.put("endSec", tag.endSec());
        json.put("model", tag.model());
        json.put("shot", tag.shotIndex());
        return json;
    }
}
