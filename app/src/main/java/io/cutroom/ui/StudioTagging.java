package io.cutroom.ui;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CustomTagRepository;
import io.cutroom.catalog.TagRepository;
import io.cutroom.jobs.JobHandle;
import io.cutroom.media.MediaKind;
import io.cutroom.usecases.Workspace;
import io.cutroom.vision.SimilarShots;
import io.cutroom.vision.TagTeacher;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.TaggingJob;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studio's side of tagging. Tagging runs on the inference lane, one job at a time, never on the JavaFX
 * thread. New imports are tagged automatically unless the editor turns that off, as photo libraries do.
 */
public final class StudioTagging {
    private final Studio studio;
    private final Workspace workspace;
    private final CatalogDb db;
    private final TagRepository tags;
    /** Assets waiting in or running through a tagging job, so a second import does not queue them twice. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private volatile boolean automatic;

    StudioTagging(Studio studio, Workspace workspace) {
        this.studio = studio;
        this.workspace = workspace;
        this.db = workspace.catalog();
        this.tags = new TagRepository(db);
    }

    public TagRepository tags() {
        return tags;
    }

    public boolean isAutomatic() {
        return automatic;
    }

    /** Turning it on also tags what is in the catalog and still untagged. */
    public void setAutomatic(boolean on) {
        automatic = on;
        if (on) {
            tagUntagged();
        }
    }

    void afterImport() {
        if (automatic) {
            tagUntagged();
        }
    }

    /** Queues every ready video and still that has no tags yet; callable from any thread. */
    public void tagUntagged() {
        studio.read(() -> workspace.taggable(false), this::tag);
    }

    /**
     * Puts every untagged video and still on the catalog's queue for the studio's nodes ({@code cutroom node} on any
     * machine sharing the catalog), instead of tagging here; the jobs panel shows the batch. Says the batch, or why not.
     */
    public void queueUntaggedForNodes(Consumer<String> told) {
        studio.change(() -> {
            List<Long> ids = workspace.taggable(false).stream().map(Asset::id).toList();
            if (ids.isEmpty()) return "Every video and still is tagged already.";
            return "Queued " + ids.size() + (ids.size() == 1 ? " file" : " files") + " for the nodes as batch "
                    + studio.queue().tag(ids) + ".";
        }, told, told);
    }

    /** Tags (or tags again) these assets in the background; returns null when all are already queued. */
    public JobHandle<TaggingJob.Summary> tag(List<Asset> assets) {
        List<Asset> fresh = assets.stream().filter(a -> a.kind() != MediaKind.AUDIO && queued.add(a.id())).toList();
        if (fresh.isEmpty()) {
            return null;
        }
        JobHandle<TaggingJob.Summary> handle = studio.submit(workspace.tag(fresh, (asset, tagged, seconds) -> {
            queued.remove(asset.id());
            studio.catalogChanged();
        }));
        handle.result().whenComplete((summary, error) -> fresh.forEach(a -> queued.remove(a.id())));
        return handle;
    }

    /**
     * Trains the tag on these marks and every shot of {@code wholeAssets} (added to the examples it already has),
     * then applies it to the catalog.
     */
    public JobHandle<TagTeacher.Outcome> teach(String tag, List<CustomTagRepository.Example> marks, List<Long> wholeAssets) {
        JobHandle<TagTeacher.Outcome> handle = studio.submit(workspace.teach(tag, marks, wholeAssets));
        handle.result().whenComplete((outcome, error) -> studio.catalogChanged());
        return handle;
    }

    public List<String> customTagNames() {
        return new CustomTagRepository(db).all().stream().map(CustomTagRepository.CustomTag::name).toList();
    }

    public TagThresholds thresholds() {
        return TagThresholds.of(db);
    }

    public void setThreshold(String tag, double value) {
        tags.setThreshold(tag, value);
        studio.catalogChanged();
    }

    /** Other assets most like this one, best first; reads the whole embedding table, so call it off the FX thread. */
    public List<SimilarShots.Match> similarAssets(long assetId, int limit) {
        return workspace.similarAssets(assetId, limit);
    }

    /** Shots of other assets most like one shot, best first; off the FX thread. */
    public List<SimilarShots.Match> similarShots(long assetId, int shotIndex, int limit) {
        return workspace.similarShots(assetId, shotIndex, limit).orElse(List.of());
    }

    /** Each asset's tags that pass the thresholds, best first. */
    public Map<Long, List<TagScore>> shownTags() {
        TagThresholds thresholds = thresholds();
        Map<Long, List<TagScore>> out = new HashMap<>();
        tags.bestPerAsset().forEach((asset, best) -> out.put(asset, TagScore.passing(best, thresholds)));
        return out;
    }
}
