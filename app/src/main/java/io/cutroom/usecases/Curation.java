package io.cutroom.usecases;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetLogRepository;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CollectionRepository.Collection;
import io.cutroom.catalog.CollectionRepository;
import io.cutroom.catalog.MarkerRepository;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import io.cutroom.curation.SmartQuery;
import io.cutroom.ingest.ContentHash;
import io.cutroom.sidecars.EmbeddedXmp;
import io.cutroom.sidecars.XmpSidecar;
import io.cutroom.vision.TagThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        return change(assetId, AssetLogRepository.Field.RATING, log -> log.withRating(stars));
    }

    public AssetLog flag(long assetId, AssetLog.Flag flag) {
        return change(assetId, AssetLogRepository.Field.FLAG, log -> log.withFlag(flag));
    }

    public AssetLog label(long assetId, AssetLog.Label label) {
        return change(assetId, AssetLogRepository.Field.LABEL, log -> log.withLabel(label));
    }

    public AssetLog describe(long assetId, String text) {
        return change(assetId, AssetLogRepository.Field.DESCRIPTION, log -> log.withDescription(text == null ? null : text.strip()));
    }

    /**
     * Changes one part of the asset's log. Only that part is written, so another editor's change to another part of the
     * same log, made meanwhile on another workstation, is kept; the log as stored is returned.
     */
    private AssetLog change(long assetId, AssetLogRepository.Field field, UnaryOperator<AssetLog> how) {
        asset(assetId);
        return new AssetLogRepository(db).save(assetId, how.apply(AssetLog.NONE), field);
    }

    /** A note at a time in the asset; the time must lie within it. */
    public MarkerRepository.Marker mark(long assetId, double atSec, String note) {
        Asset asset = asset(assetId);
        double length = asset.lengthSec();
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
        double length = asset.lengthSec();
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

    public List<MarkerRepository.Marker> markers(long assetId) {
        return new MarkerRepository(db).markers(assetId);
    }

    public List<MarkerRepository.Select> selects(long assetId) {
        return new MarkerRepository(db).selects(assetId);
    }

    public void removeMarker(long markerId) {
        new MarkerRepository(db).removeMarker(markerId);
    }

    public void removeSelect(long selectId) {
        new MarkerRepository(db).removeSelect(selectId);
    }

    /** Every logged asset's log, by asset id; assets never logged are not in it. */
    public Map<Long, AssetLog> logs() {
        return new AssetLogRepository(db).all();
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
        SearchFacts facts = null;
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

    /** The ids of what a collection holds, as {@link #members} orders them, without reading each asset. */
    public List<Long> memberIds(String path) {
        Collection collection = collection(path);
        if (collection.isSmart()) {
            return facts().matching(SmartQuery.parse(collection.smart())).stream().map(Asset::id).toList();
        }
        return new CollectionRepository(db).members(collection.id());
    }

    /**
     * Writes the asset's XMP sidecar beside it: its log, the tags that pass their thresholds, and the manual
     * collections it is in. Returns the sidecar's path.
     */
    public Path writeSidecar(long assetId) throws IOException {
        return XmpSidecar.write(asset(assetId).path(), sidecarContents(assetId));
    }

    /** What a sidecar or embedded XMP carries: the log, the tags that pass their thresholds, the manual collections. */
    private XmpSidecar.Contents sidecarContents(long assetId) {
        TagThresholds thresholds = TagThresholds.of(db);
        List<String> tags = new TagRepository(db).forAsset(assetId).stream().filter(thresholds::passes)
                .map(t -> t.tag()).distinct().sorted().toList();
        CollectionRepository repository = new CollectionRepository(db);
        List<Collection> all = repository.all();
        List<String> collections = repository.collectionsOf(assetId).stream().map(c -> pathOf(c, all)).sorted().toList();
        return new XmpSidecar.Contents(log(assetId), tags, collections);
    }

    /**
     * Writes the same as {@link #writeSidecar} into the file itself, for a JPEG still (the picture's bytes stay as
     * they are); the catalog takes the file's new size and hash, so relinking does not mistake it for another file.
     */
    public Path embedXmp(long assetId) throws IOException {
        Asset asset = asset(assetId);
        EmbeddedXmp.write(asset.path(), sidecarContents(assetId));
        new AssetRepository(db).rehash(assetId, Files.size(asset.path()), ContentHash.sha256(asset.path()));
        return asset.path();
    }

    /**
     * Reads the asset's XMP sidecar, if it has one, or else a JPEG's own XMP: its rating, flag, label and description
     * become the asset's log, and it joins the manual collections it names (made if missing). Empty without either.
     */
    public Optional<AssetLog> readSidecar(long assetId) throws IOException {
        Asset asset = asset(assetId);
        Optional<XmpSidecar.Contents> read = XmpSidecar.read(asset.path());
        if (read.isEmpty() && EmbeddedXmp.canEmbed(asset.path()) && Files.isRegularFile(asset.path())) {
            read = EmbeddedXmp.contents(asset.path()); // a JPEG's own XMP, as Lightroom or a camera wrote it
        }
        if (read.isEmpty()) {
            return Optional.empty();
        }
        new AssetLogRepository(db).save(assetId, read.get().log());
        for (String path : read.get().collections()) {
            Collection c;
            try {
                c = collection(path);
            } catch (IllegalArgumentException missing) {
                c = createCollection(path, null);
            }
            if (!c.isSmart()) {
                new CollectionRepository(db).add(c.id(), List.of(assetId));
            }
        }
        return Optional.of(read.get().log());
    }

    /** What turning a tag into marks did: how many were made, on how many assets. */
    public record TagMarks(int made, int assets) {
    }

    /**
     * Every shot tagged {@code tag} (at its threshold) becomes a marker at the shot's start, or a select over the
     * shot, named after the tag ("every shot tagged dog" in one step). Marks the asset already has are not made
     * twice.
     */
    public TagMarks marksFromTag(String tag, boolean asSelects) {
        String name = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Name the tag whose shots should be marked.");
        }
        MarkerRepository marks = new MarkerRepository(db);
        double threshold = TagThresholds.of(db).of(name);
        Map<Long, List<ShotTag>> byAsset = new TreeMap<>();
        for (var t : new TagRepository(db).withTag(name, threshold)) {
            byAsset.computeIfAbsent(t.assetId(), id -> new ArrayList<>()).add(t);
        }
        int made = 0;
        for (var entry : byAsset.entrySet()) {
            long id = entry.getKey();
            List<MarkerRepository.Marker> markers = marks.markers(id);
            List<MarkerRepository.Select> selects = marks.selects(id);
            for (var shot : entry.getValue()) {
                if (asSelects) {
                    boolean known = selects.stream().anyMatch(s -> Math.abs(s.inSec() - shot.startSec()) < 1e-3
                            && Math.abs(s.outSec() - shot.endSec()) < 1e-3);
                    if (!known && shot.endSec() > shot.startSec()) {
                        marks.addSelect(id, name, shot.startSec(), shot.endSec());
                        made++;
                    }
                } else if (markers.stream().noneMatch(m -> Math.abs(m.atSec() - shot.startSec()) < 1e-3 && m.note().equals(name))) {
                    marks.addMarker(id, shot.startSec(), name);
                    made++;
                }
            }
        }
        return new TagMarks(made, byAsset.size());
    }

    /** What a search finds across the catalog, in catalog order. */
    public List<Asset> search(String query) {
        return facts().matching(SmartQuery.parse(query));
    }

    /** Everything a search can ask about, kept part by part while the catalog's parts are unchanged. */
    private SearchFacts facts() {
        return SearchFacts.of(db);
    }

    private Asset asset(long assetId) {
        return new AssetRepository(db).find(assetId)
                .orElseThrow(() -> new IllegalArgumentException("There is no asset with id " + assetId + " in the catalog."));
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
