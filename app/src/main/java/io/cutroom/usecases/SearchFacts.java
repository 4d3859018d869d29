package io.cutroom.usecases;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetLogRepository;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ChangeLog;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What smart collections and searches work from: every asset with its best tags, its log and the collections it is
 * in. It is read whole once, then brought up to date from the catalog's change list ({@link ChangeLog}): only the
 * assets whose rows, tags, log or memberships changed are read again. A change that touches every asset (a collection
 * renamed), a list that no longer reaches back far enough, or changes to more than a tenth of the assets read the
 * part whole again.
 */
final class SearchFacts {
    /** Per open catalog; the catalog going away lets its facts go too. */
    private static final Map<CatalogDb, SearchFacts> BY_CATALOG = Collections.synchronizedMap(new WeakHashMap<>());

    /** How far the change list has been read. */
    private ChangeLog.Position upTo = ChangeLog.Position.START;
    private final Map<Long, Asset> assets = new TreeMap<>();
    private final Map<Long, Map<String, Double>> tags = new HashMap<>();
    private final Map<Long, AssetLog> logs = new HashMap<>();
    private final Map<Long, Set<String>> memberships = new HashMap<>();
    private List<AssetFacts> all = new ArrayList<>();
    /** Where each asset's facts sit in {@link #all}, so a change to a few assets replaces only theirs. */
    private Map<Long, Integer> positions = new HashMap<>();
    private TagThresholds thresholds;

    static SearchFacts of(CatalogDb db) {
        SearchFacts facts = BY_CATALOG.computeIfAbsent(db, d -> new SearchFacts());
        facts.refresh(db);
        return facts;
    }

    private synchronized void refresh(CatalogDb db) {
        ChangeLog.Since changes = new ChangeLog(db).since(upTo);
        if (!changes.complete()) {
            readAll(db);
        } else if (!changes.nothing()) {
            catchUp(db, changes);
        }
        upTo = changes.upTo();
        thresholds = TagThresholds.of(db); // a threshold moved in the studio changes what tag:NAME finds
    }

    private void readAll(CatalogDb db) {
        replace(assets, byId(new AssetRepository(db).all()));
        replace(tags, new TagRepository(db).bestPerAsset());
        replace(logs, new AssetLogRepository(db).all());
        replace(memberships, new CollectionRepository(db).memberships());
        rebuild();
    }

    private void catchUp(CatalogDb db, ChangeLog.Since changes) {
        int many = Math.max(100, assets.size() / 10);
        AssetRepository repository = new AssetRepository(db);
        // | and not ||: every part is brought up to date, whichever of them had to be read whole.
        boolean whole = update(assets, changes, "assets", many, () -> byId(repository.all()),
                        ids -> byId(ids.stream().map(repository::find).flatMap(Optional::stream).toList()))
                | update(tags, changes, "tags", many, () -> new TagRepository(db).bestPerAsset(),
                        ids -> new TagRepository(db).bestFor(ids))
                | update(logs, changes, "logs", many, () -> new AssetLogRepository(db).all(),
                        ids -> new AssetLogRepository(db).of(ids))
                | update(memberships, changes, "collections", many, () -> new CollectionRepository(db).memberships(),
                        ids -> new CollectionRepository(db).membershipsOf(ids));
        Set<Long> touched = new TreeSet<>();
        changes.assets().values().forEach(touched::addAll);
        if (whole || !patch(touched)) {
            rebuild();
        }
    }

    /**
     * One part brought up to date in place: read whole when the change list says so (true), else only the assets it
     * names, which are dropped first so that one no longer tagged, logged or in a collection goes.
     */
    private static <T> boolean update(Map<Long, T> part, ChangeLog.Since changes, String name, int many,
                                      Supplier<Map<Long, T>> whole, Function<Set<Long>, Map<Long, T>> some) {
        Set<Long> ids = changes.assets().getOrDefault(name, Set.of());
        if (changes.whole().contains(name) || ids.size() > many) {
            replace(part, whole.get());
            return true;
        }
        if (!ids.isEmpty()) {
            ids.forEach(part::remove);
            part.putAll(some.apply(ids));
        }
        return false;
    }

    private static <T> void replace(Map<Long, T> part, Map<Long, T> read) {
        part.clear();
        part.putAll(read);
    }

    private static Map<Long, Asset> byId(List<Asset> list) {
        Map<Long, Asset> out = new HashMap<>();
        list.forEach(a -> out.put(a.id(), a));
        return out;
    }

    /**
     * Replaces the facts of the assets touched, and adds new ones at the end; false when that cannot keep the id order
     * (an asset went away, or one came with a lower id than the last), and everything must be laid out again.
     */
    private boolean patch(Set<Long> touched) {
        for (long id : touched) {
            Asset asset = assets.get(id);
            Integer at = positions.get(id);
            if (asset == null) {
                if (at != null) return false;
            } else if (at != null) {
                all.set(at, factsOf(asset));
            } else if (all.isEmpty() || id > all.get(all.size() - 1).asset().id()) {
                positions.put(id, all.size());
                all.add(factsOf(asset));
            } else {
                return false;
            }
        }
        return true;
    }

    private AssetFacts factsOf(Asset a) {
        return new AssetFacts(a, tags.get(a.id()), logs.get(a.id()), memberships.get(a.id()));
    }

    /** The facts of every asset, in id order (the catalog's order), from the parts as they are now. */
    private void rebuild() {
        all = new ArrayList<>(assets.size());
        positions = new HashMap<>();
        for (Asset a : assets.values()) {
            positions.put(a.id(), all.size());
            all.add(factsOf(a));
        }
    }

    synchronized List<Asset> matching(SmartQuery query) {
        return all.stream().filter(f -> query.matches(f, thresholds::of)).map(AssetFacts::asset).toList();
    }
}
