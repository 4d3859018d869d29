package io.cutroom.curation;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import java.util.Map;
import java.util.Set;

/**
 * What a saved search can ask about an asset: the asset, its tags with their best confidence over its shots,
 * what the editor logged, and the manual collections it is in.
 */
public record AssetFacts(Asset asset, Map<String, Double> tags, AssetLog log, Set<String> collections) {
    public AssetFacts {
        tags = tags == null ? Map.of() : tags;
        log = log == null ? AssetLog.NONE : log;
        collections = collections == null ? Set.of() : collections;
    }
}
