package io.cutroom.usecases;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetLogRepository;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CollectionRepository;
import io.cutroom.catalog.TagRepository;
import io.cutroom.curation.AssetFacts;
import io.cutroom.curation.SmartQuery;
import io.cutroom.vision.TagThresholds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What smart collections and searches work from: every asset with its best tags, its log and the collections it is
 * in. It is read part by part (assets, tags, logs, collections), and a part is read again only when its change
 * counter moved ({@link CatalogDb#changeCounters}); of the logs, only those that changed are read again
 * ({@link AssetLogRepository#changesSince}). After a rating, one log is read, not 100,000 assets.
 */
final class SearchFacts {
    /** Per open catalog; the catalog going away lets its facts go too. */
    private static final Map<CatalogDb, SearchFacts> BY_CATALOG = Collections.synchronizedMap(new WeakHashMap<>());

    private Map<String, Long> counted = Map.of();
    private List<Asset> assets;
    private Map<Long, Map<String, Double>> tags;
    private Map<Long, AssetLog> logs;
    /** The last change to the logs read (see {@link AssetLogRepository#changesSince}). */
    private long logsUpTo;
    private Map<Long, Set<String>> memberships;
    private List<AssetFacts> all;
    /** Where each asset's facts sit in {@link #all}, to replace one when only its log changed. */
    private Map<Long, Integer> positions;
    private TagThresholds thresholds;

    static SearchFacts of(CatalogDb db) {
        SearchFacts facts = BY_CATALOG.computeIfAbsent(db, d -> new SearchFacts());
        facts.refresh(db);
        return facts;
    }

    private synchronized void refresh(CatalogDb db) {
        Map<String, Long> now = db.changeCounters();
        boolean changed = false;
        if (assets == null || moved(now, "assets")) {
            assets = new AssetRepository(db).all();
            changed = true;
        }
        if (tags == null || moved(now, "tags")) {
            tags = new TagRepository(db).bestPerAsset();
            changed = true;
        }
        AssetLogRepository logRepository = new AssetLogRepository(db);
        AssetLogRepository.Changes logChanges = logRepository.changesSince(logsUpTo);
        Set<Long> relogged = Set.of();
        if (logs == null || !logChanges.complete()) {
            logs = new HashMap<>(logRepository.all());
            changed = true;
        } else if (!logChanges.assetIds().isEmpty()) {
            relogged = logChanges.assetIds();
            relogged.forEach(logs::remove);
            logs.putAll(logRepository.of(relogged));
        }
        logsUpTo = logChanges.upTo();
        if (memberships == null || moved(now, "collections")) {
            memberships = new CollectionRepository(db).memberships();
            changed = true;
        }
        if (changed || all == null) {
            all = new ArrayList<>(assets.size());
            positions = new HashMap<>();
            for (Asset a : assets) {
                positions.put(a.id(), all.size());
                all.add(factsOf(a));
            }
        } else {
            for (long id : relogged) {
                Integer at = positions.get(id);
                if (at != null) {
                    all.set(at, factsOf(all.get(at).asset()));
                }
            }
        }
        thresholds = TagThresholds.of(db); // a threshold moved in the studio changes what tag:NAME finds
        counted = now;
    }

    private AssetFacts factsOf(Asset a) {
        return new AssetFacts(a, tags.get(a.id()), logs.get(a.id()), memberships.get(a.id()));
    }

    private boolean moved(Map<String, Long> now, String part) {
        return !Objects.equals(now.get(part), counted.get(part));
    }

    synchronized List<Asset> matching(SmartQuery query) {
        return all.stream().filter(f -> query.matches(f, thresholds::of)).map(AssetFacts::asset).toList();
    }
}
