package io.cutroom.usecases;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CollectionRepository.Collection;
import io.cutroom.catalog.CollectionRepository;
import io.cutroom.catalog.MarkerRepository;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.catalog.TagRepository;
import io.cutroom.color.ClipGrading;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CubeLutWriter;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.timelines.Timeline;
import io.cutroom.timelines.TimelineFile;
import io.cutroom.timelines.TimelineFormat;
import io.cutroom.timelines.TimelineReader;
import io.cutroom.vision.TagThresholds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Timelines in and out of the catalog, the same from the command line and the studio: a collection as a timeline an
 * editing app opens (its selects, markers, log, the reframe for a shape and the grade as a LUT), and a timeline an
 * editing app made as a collection of selects.
 */
public final class TimelineExchange {
    private final CatalogDb db;
    private final Curation curation;

    public TimelineExchange(CatalogDb db) {
        this.db = db;
        this.curation = new Curation(db);
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
        for (Asset asset : curation.members(path)) {
            if (asset.kind() == MediaKind.IMAGE || !asset.isReady() || asset.lengthSec() <= 0) continue;
            if (firstVideo == null && asset.kind() == MediaKind.VIDEO) firstVideo = asset;
            AssetLog log = curation.log(asset.id());
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
                clips.add(clip(asset, asset.fileName(), 0, asset.lengthSec(), video, audio, log, markers, crop));
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
        return new Timeline.Clip(asset.id(), asset.path(), name, in, out, asset.lengthSec(), video, audio, log.rating(),
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
     * ({@link CubeLutWriter}, as the colour panel exports one), one file per distinct grade; the MLT project applies
     * them, and the other formats name them where they can.
     */
    public Exported exportTimeline(String collection, TimelineFormat format, AspectRatio aspect, Path out, boolean overwrite)
            throws IOException {
        Path target = out.toAbsolutePath();
        TimelineFile.refuseToReplace(target, overwrite); // before any LUT is written beside it
        Timeline timeline = timeline(collection, aspect);
        ClipGrading grading = new ClipGrading(db);
        Map<Long, Grade> gradeOfAsset = new HashMap<>(); // an asset's selects share its stored grade: read it once
        Map<String, Path> lutsByGrade = new LinkedHashMap<>();
        List<Timeline.Clip> clips = new ArrayList<>();
        String base = target.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        for (Timeline.Clip clip : timeline.clips()) {
            Grade stored = clip.hasVideo() ? gradeOfAsset.get(clip.assetId()) : Grade.NEUTRAL;
            if (stored == null) {
                stored = grading.current(clip.assetId());
                gradeOfAsset.put(clip.assetId(), stored);
            }
            Grade grade = stored.at((clip.inSec() + clip.outSec()) / 2);
            if (grade.isNeutral()) {
                clips.add(clip);
                continue;
            }
            String key = grade.toJson();
            Path lut = lutsByGrade.get(key);
            if (lut == null) {
                lut = target.resolveSibling(base + ".grade" + (lutsByGrade.size() + 1) + ".cube");
                CubeLutWriter.write(grade, CubeLutWriter.DEFAULT_SIZE, lut, "Cutroom grade of " + clip.source().getFileName());
                lutsByGrade.put(key, lut);
            }
            clips.add(clip.withLut(lut));
        }
        Timeline written = timeline.withClips(clips);
        TimelineFile.write(written, format, target, true);
        return new Exported(target, format, written, List.copyOf(lutsByGrade.values()));
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
            collection = curation.collection(path);
        } catch (IllegalArgumentException missing) {
            collection = curation.createCollection(path, null);
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
                    .findFirst().orElseGet(() -> curation.select(id, clip.inSec(), out, clip.name()));
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
        double length = asset.lengthSec();
        return length > 0 ? length : fallback;
    }

}
