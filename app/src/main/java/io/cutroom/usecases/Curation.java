package io.cutroom.usecases;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetLogRepository;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CollectionRepository.Collection;
import io.cutroom.catalog.CollectionRepository;
import io.cutroom.catalog.MarkerRepository;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import io.cutroom.color.ClipGrading;
import io.cutroom.curation.SmartQuery;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CubeLutWriter;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.ingest.ContentHash;
import io.cutroom.sidecars.EmbeddedXmp;
import io.cutroom.sidecars.XmpSidecar;
import io.cutroom.timelines.Timeline;
import io.cutroom.timelines.TimelineFile;
import io.cutroom.timelines.TimelineFormat;
import io.cutroom.timelines.TimelineReader;
import io.cutroom.vision.TagThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * The collection as a timeline for an editing app: each video or audio asset it holds, in order, as its
     * selects or, without any, whole; with the editor's markers and a marker per tagged shot. Stills are left out.
     */
    public Timeline timeline(String path) {
        return timeline(path, null);
    }

    /**
     * The same, in a sequence of another shape ({@code aspect}, null for the sources' own): each video clip carries
     * the crop reframing stored for that shape, or the centre crop where it was not reframed for it.
     */
    public Timeline timeline(String path, AspectRatio aspect) {
        ReframeRepository reframes = new ReframeRepository(db);
        MarkerRepository marks = new MarkerRepository(db);
        TagRepository tags = new TagRepository(db);
        TagThresholds thresholds = TagThresholds.of(db);
        List<Timeline.Clip> clips = new ArrayList<>();
        Asset firstVideo = null;
        for (Asset asset : members(path)) {
            if (asset.kind() == MediaKind.IMAGE || !asset.isReady() || lengthOf(asset) <= 0) continue;
            if (firstVideo == null && asset.kind() == MediaKind.VIDEO) firstVideo = asset;
            AssetLog log = log(asset.id());
            List<Timeline.Marker> markers = new ArrayList<>();
            marks.markers(asset.id()).forEach(m -> markers.add(new Timeline.Marker(m.atSec(), m.note(), "note")));
            Map<Integer, List<String>> shotTags = new TreeMap<>();
            Map<Integer, Double> shotStart = new HashMap<>();
            for (var t : tags.forAsset(asset.id())) {
                if (thresholds.passes(t)) {
                    shotTags.computeIfAbsent(t.shotIndex(), i -> new ArrayList<>()).add(t.tag());
                    shotStart.merge(t.shotIndex(), t.startSec(), Math::min);
                }
            }
            shotTags.forEach((shot, names) -> markers.add(new Timeline.Marker(shotStart.get(shot),
                    String.join(", ", names.stream().distinct().toList()), "tag")));
            List<MarkerRepository.Select> selects = marks.selects(asset.id());
            boolean video = asset.kind() == MediaKind.VIDEO;
            boolean audio = asset.info().audioCodec() != null;
            CropTrack crop = aspect == null || !video ? null : reframes.find(asset.id(), aspect.toString())
                    .map(stored -> CropTrack.fromJson(stored.track()))
                    .orElseGet(() -> CropTrack.centered(asset.info().displayWidth(), asset.info().displayHeight(), aspect));
            if (selects.isEmpty()) {
                clips.add(clip(asset, asset.fileName(), 0, lengthOf(asset), video, audio, log, markers, crop));
            }
            for (MarkerRepository.Select s : selects) {
                clips.add(clip(asset, s.name(), s.inSec(), s.outSec(), video, audio, log, markers, crop));
            }
        }
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("The collection " + path.strip() + " holds no video or audio to put on a timeline.");
        }
        int fps = firstVideo == null || firstVideo.info().fps() == null ? 25 : Timeline.nearestRate(firstVideo.info().fps());
        int width = firstVideo == null ? 1920 : firstVideo.info().displayWidth();
        int height = firstVideo == null ? 1080 : firstVideo.info().displayHeight();
        if (aspect != null) {
            // The size Cutroom's own render of that shape has (1080 x 1920 for 9:16), so the two can be compared.
            int[] size = RenderPreset.forAspect(aspect).outputSize(aspect.value(), width);
            width = size[0];
            height = size[1];
        }
        return new Timeline(path.strip(), fps, width, height, clips);
    }

    private static Timeline.Clip clip(Asset asset, String name, double in, double out, boolean video, boolean audio,
                                      AssetLog log, List<Timeline.Marker> markers, CropTrack crop) {
        List<Timeline.Marker> inside = markers.stream().filter(m -> m.atSec() >= in && m.atSec() < out).toList();
        return new Timeline.Clip(asset.id(), asset.path(), name, in, out, lengthOf(asset), video, audio, log.rating(),
                log.flag().id(), inside, crop, null);
    }

    /** A timeline written: where, in which format, what it holds, and the LUT files written beside it. */
    public record Exported(Path file, TimelineFormat format, Timeline timeline, List<Path> luts) {
        public long markers() {
            return timeline.clips().stream().mapToLong(c -> c.markers().size()).sum();
        }

        public String sentence() {
            return String.format(Locale.ROOT, "Wrote %s: %d clip%s, %.1f s, %d x %d at %d fps%s.", file.getFileName(),
                    timeline.clips().size(), timeline.clips().size() == 1 ? "" : "s", timeline.startOf(timeline.clips().size()),
                    timeline.width(), timeline.height(), timeline.fps(),
                    luts.isEmpty() ? "" : ", with " + luts.size() + (luts.size() == 1 ? " grade" : " grades") + " as LUT files beside it");
        }
    }

    /**
     * Writes a collection as a timeline file ({@link #timeline(String, AspectRatio)}). Each graded video clip's grade
     * (with its shot's correction, at the clip's middle) is written beside it as a 33-point .cube LUT
     * ({@link CubeLutWriter}, as the colour panel exports one), one file per distinct grade; the MLT project applies them, and the other formats name them where they can.
     */
    public Exported exportTimeline(String collection, TimelineFormat format, AspectRatio aspect, Path out, boolean overwrite)
            throws IOException {
        Path target = out.toAbsolutePath();
        if (Files.exists(target) && !overwrite) {
            throw new IllegalArgumentException(target.getFileName() + " already exists; add --overwrite to replace it.");
        }
        Timeline timeline = timeline(collection, aspect);
        ClipGrading grading = new ClipGrading(db);
        Map<String, Path> lutsByGrade = new LinkedHashMap<>();
        List<Timeline.Clip> clips = new ArrayList<>();
        String base = target.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        for (Timeline.Clip clip : timeline.clips()) {
            Grade grade = clip.hasVideo() ? grading.current(clip.assetId()).at((clip.inSec() + clip.outSec()) / 2) : Grade.NEUTRAL;
            if (grade.isNeutral()) {
                clips.add(clip);
                continue;
            }
            Path lut = lutsByGrade.get(grade.toJson());
            if (lut == null) {
                lut = target.resolveSibling(base + ".grade" + (lutsByGrade.size() + 1) + ".cube");
                CubeLutWriter.write(grade, CubeLutWriter.DEFAULT_SIZE, lut, "Cutroom grade of " + clip.source().getFileName());
                lutsByGrade.put(grade.toJson(), lut);
            }
            clips.add(clip.withLut(lut));
        }
        Timeline written = timeline.withClips(clips);
        TimelineFile.write(written, format, target, true);
        return new Exported(target, format, written, List.copyOf(lutsByGrade.values()));
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

    /** What importing a timeline did: the collection, the selects it holds, and the clips with no asset found. */
    public record TimelineImport(Collection collection, List<MarkerRepository.Select> selects, int markers, List<String> notFound) {
    }

    /**
     * Reads a timeline an editing app wrote into a manual collection of selects (made if missing; the timeline's
     * name when none is given). Each clip is matched to a catalog asset by path, then by file name; a select or
     * marker the asset already has is not made twice. {@code edlFps} is the rate an EDL counts in.
     */
    public TimelineImport importTimeline(Path file, String collectionPath, int edlFps) throws IOException {
        Timeline timeline = TimelineReader.read(file, edlFps);
        String path = collectionPath == null || collectionPath.isBlank() ? timeline.name() : collectionPath;
        Collection collection;
        try {
            collection = collection(path);
        } catch (IllegalArgumentException missing) {
            collection = createCollection(path, null);
        }
        AssetRepository assets = new AssetRepository(db);
        MarkerRepository marks = new MarkerRepository(db);
        List<MarkerRepository.Select> selects = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        int markers = 0;
        double frame = 1.0 / Math.max(1, timeline.fps());
        List<Asset> byName = null;
        for (Timeline.Clip clip : timeline.clips()) {
            Optional<Asset> asset = byPath(assets, clip.source());
            if (asset.isEmpty()) {
                byName = byName == null ? assets.all() : byName; // read once, and only when a path did not match
                asset = byName(byName, clip);
            }
            if (asset.isEmpty()) {
                notFound.add(clip.name() + " (" + clip.source() + ")");
                continue;
            }
            long id = asset.get().id();
            double out = Math.min(clip.outSec(), lengthOr(asset.get(), clip.outSec()));
            MarkerRepository.Select select = marks.selects(id).stream()
                    .filter(s -> Math.abs(s.inSec() - clip.inSec()) < frame && Math.abs(s.outSec() - clip.outSec()) < frame)
                    .findFirst().orElseGet(() -> select(id, clip.inSec(), out, clip.name()));
            selects.add(select);
            List<MarkerRepository.Marker> existing = marks.markers(id);
            for (Timeline.Marker m : clip.markers()) {
                if (m.kind().equals("tag")) continue; // tags come from tagging, not from a timeline
                boolean known = existing.stream().anyMatch(e -> Math.abs(e.atSec() - m.atSec()) < frame && e.note().equals(m.text()));
                if (!known) {
                    marks.addMarker(id, m.atSec(), m.text());
                    markers++;
                }
            }
            new CollectionRepository(db).add(collection.id(), List.of(id));
        }
        return new TimelineImport(collection, selects, markers, notFound);
    }

    /** The asset at a timeline clip's path, as it is on this machine or as written. */
    private static Optional<Asset> byPath(AssetRepository assets, Path source) {
        try {
            Optional<Asset> real = assets.findByPath(source.toRealPath());
            if (real.isPresent()) return real;
        } catch (IOException notThere) {
            // moved, or another machine's path: try it as written, then the name
        }
        return assets.findByPath(source);
    }

    /** The first asset with the clip's file name that is long enough for its out point. */
    private static Optional<Asset> byName(List<Asset> all, Timeline.Clip clip) {
        String name = Timeline.oneLine(clip.source().getFileName().toString()); // as an EDL writes it
        return all.stream()
                .filter(a -> Timeline.oneLine(a.fileName()).equals(name) && lengthOr(a, clip.outSec()) >= clip.outSec() - 1e-3)
                .findFirst();
    }

    private static double lengthOr(Asset asset, double fallback) {
        double length = lengthOf(asset);
        return length > 0 ? length : fallback;
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
