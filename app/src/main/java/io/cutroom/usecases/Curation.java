package io.cutroom.usecases;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetLogRepository;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CollectionRepository;
import io.cutroom.catalog.CollectionRepository.Collection;
import io.cutroom.catalog.MarkerRepository;
import io.cutroom.catalog.TagRepository;
import io.cutroom.curation.AssetFacts;
import io.cutroom.curation.SmartQuery;
import io.cutroom.vision.TagThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Curating a catalog, the same from the command line and the studio: rating, flagging, labelling and
 * describing assets, markers and selects, and collections, manual or smart. Every change is checked first
 * and refused with a sentence ({@link IllegalArgumentException}) when it cannot be kept.
 */
public final class Curation {
    private final CatalogDb db;

    public Curation(CatalogDb db) {
        this.db = db;
    }

    /** A collection as listed: where it sits, and how many assets it holds now (a smart one's search run now). */
    public record Listed(Collection collection, String path, int count) {
    }

    public AssetLog log(long assetId) {
        return new AssetLogRepository(db).of(assetId);
    }

    public AssetLog rate(long assetId, int stars) {
        return change(assetId, log -> log.withRating(stars));
    }

    public AssetLog flag(long assetId, AssetLog.Flag flag) {
        return change(assetId, log -> log.withFlag(flag));
    }

    public AssetLog label(long assetId, AssetLog.Label label) {
        return change(assetId, log -> log.withLabel(label));
    }

    public AssetLog describe(long assetId, String text) {
        return change(assetId, log -> log.withDescription(text == null ? null : text.strip()));
    }

    private AssetLog change(long assetId, UnaryOperator<AssetLog> how) {
        asset(assetId);
        AssetLogRepository logs = new AssetLogRepository(db);
        AssetLog changed = how.apply(logs.of(assetId));
        logs.save(assetId, changed);
        return changed;
    }

    /** A note at a time in the asset; the time must lie within it. */
    public MarkerRepository.Marker mark(long assetId, double atSec, String note) {
        Asset asset = asset(assetId);
        double length = lengthOf(asset);
        if (atSec < 0 || (length > 0 && atSec > length)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is %.2f s long; a marker at %.2f s is outside it.", asset.fileName(), length, atSec));
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A marker needs a note.");
        }
        return new MarkerRepository(db).addMarker(assetId, atSec, text);
    }

    /** A named subclip from {@code inSec} to {@code outSec}; without a name it is called after the asset and its times. */
    public MarkerRepository.Select select(long assetId, double inSec, double outSec, String name) {
        Asset asset = asset(assetId);
        double length = lengthOf(asset);
        if (inSec < 0 || outSec <= inSec) {
            throw new IllegalArgumentException("A select's out point must come after its in point, and neither before 0.");
        }
        if (length > 0 && outSec > length + 1e-3) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is %.2f s long; a select cannot end at %.2f s.", asset.fileName(), length, outSec));
        }
        String named = name == null || name.isBlank()
                ? String.format(Locale.ROOT, "%s %.2f-%.2f", asset.fileName(), inSec, outSec) : name.strip();
        return new MarkerRepository(db).addSelect(assetId, named, inSec, outSec);
    }

    /**
     * Creates a collection at {@code path} ("Name", or "Folder/Name" inside a folder, made if it is missing); with
     * a search, a smart collection that holds whatever matches it.
     */
    public Collection createCollection(String path, String smart) {
        if (smart != null) {
            SmartQuery.parse(smart); // refuse a search that cannot be read before anything is stored
        }
        List<String> parts = parts(path);
        CollectionRepository collections = new CollectionRepository(db);
        Long parent = null;
        for (String folder : parts.subList(0, parts.size() - 1)) {
            Long within = parent;
            parent = collections.find(folder, within).orElseGet(() -> collections.create(folder, within, null)).id();
        }
        return collections.create(parts.get(parts.size() - 1), parent, smart == null ? null : smart.strip());
    }

    /** Puts assets in a manual collection; returns how many were not in it already. */
    public int addToCollection(String path, List<Long> assetIds) {
        Collection collection = collection(path);
        if (collection.isSmart()) {
            throw new IllegalArgumentException(collection.name() + " is a smart collection: it holds what its search finds ("
                    + collection.smart() + ").");
        }
        for (long id : assetIds) {
            asset(id);
        }
        return new CollectionRepository(db).add(collection.id(), assetIds);
    }

    public Collection collection(String path) {
        CollectionRepository collections = new CollectionRepository(db);
        Long parent = null;
        Collection found = null;
        for (String part : parts(path)) {
            Long within = parent;
            found = collections.find(part, within).orElseThrow(() -> new IllegalArgumentException(
                    "There is no collection called " + path.strip() + "; cutroom collection list shows them."));
            parent = found.id();
        }
        return found;
    }

    /** Every collection with its path and how many assets it holds. */
    public List<Listed> collections() {
        List<Collection> all = new CollectionRepository(db).all();
        Facts facts = null;
        List<Listed> out = new ArrayList<>();
        for (Collection c : all) {
            int count;
            if (c.isSmart()) {
                facts = facts == null ? facts() : facts;
                count = facts.matching(SmartQuery.parse(c.smart())).size();
            } else {
                count = new CollectionRepository(db).members(c.id()).size();
            }
            out.add(new Listed(c, pathOf(c, all), count));
        }
        return out;
    }

    /** What a collection holds: for a manual one, in the order added; for a smart one, what its search finds now. */
    public List<Asset> members(String path) {
        Collection collection = collection(path);
        if (collection.isSmart()) {
            return facts().matching(SmartQuery.parse(collection.smart()));
        }
        AssetRepository assets = new AssetRepository(db);
        return new CollectionRepository(db).members(collection.id()).stream()
                .map(assets::find).flatMap(Optional::stream).toList();
    }

    /** What a search finds across the catalog, in catalog order. */
    public List<Asset> search(String query) {
        return facts().matching(SmartQuery.parse(query));
    }

    /** Everything a search can ask about, read in a few queries so it scales to a large catalog. */
    private Facts facts() {
        Map<Long, Map<String, Double>> tags = new TagRepository(db).bestPerAsset();
        Map<Long, AssetLog> logs = new AssetLogRepository(db).all();
        Map<Long, Set<String>> memberships = new CollectionRepository(db).memberships();
        List<AssetFacts> all = new AssetRepository(db).all().stream()
                .map(a -> new AssetFacts(a, tags.get(a.id()), logs.get(a.id()), memberships.get(a.id()))).toList();
        return new Facts(all, TagThresholds.of(db));
    }

    private record Facts(List<AssetFacts> all, TagThresholds thresholds) {
        List<Asset> matching(SmartQuery query) {
            return all.stream().filter(f -> query.matches(f, thresholds::of)).map(AssetFacts::asset).toList();
        }
    }

    private Asset asset(long assetId) {
        return new AssetRepository(db).find(assetId)
                .orElseThrow(() -> new IllegalArgumentException("There is no asset with id " + assetId + " in the catalog."));
    }

    private static double lengthOf(Asset asset) {
        return asset.info() == null || asset.info().durationSec() == null ? 0 : asset.info().durationSec();
    }

    private static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : (path == null ? "" : path).split("/")) {
            if (!p.isBlank()) parts.add(p.strip());
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("A collection needs a name.");
        }
        return parts;
    }

    private static String pathOf(Collection c, List<Collection> all) {
        if (c.parentId() == null) return c.name();
        return all.stream().filter(p -> p.id() == c.parentId()).findFirst().map(p -> pathOf(p, all) + "/" + c.name())
                .orElse(c.name());
    }
}
