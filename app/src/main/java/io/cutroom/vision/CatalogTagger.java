package io.cutroom.vision;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CustomTagRepository;
import io.cutroom.catalog.ShotRepository;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ProbeException;
import io.cutroom.media.shots.Shot;

import java.util.ArrayList;
import java.util.List;

/**
 * Tags catalog assets: finds shots once (shared with reframing), runs the networks, scores the editor's
 * custom tags on the new embeddings, and replaces the asset's tags in one transaction.
 */
public final class CatalogTagger {
    private final CatalogDb db;
    private final VisionModels models;

    public CatalogTagger(CatalogDb db, VisionModels models) {
        this.db = db;
        this.models = models;
    }

    public record Tagged(Asset asset, int shots, int samples, List<ShotTag> tags) {
    }

    public Tagged tag(Asset asset, JobContext ctx) throws ProbeException, ModelException {
        TagRepository repository = new TagRepository(db);
        if (!asset.isReady() || asset.kind() == MediaKind.AUDIO) {
            return new Tagged(asset, 0, 0, List.of());
        }
        try {
            List<Shot> shots = asset.kind() == MediaKind.VIDEO
                    ? new ShotRepository(db).storedOrDetected(asset.id(), asset.path(), ctx) : List.of();
            TagThresholds thresholds = TagThresholds.of(db);
            ShotTagger.Result result = new ShotTagger(models, thresholds).tag(asset, shots);
            List<ShotTag> all = new ArrayList<>(result.tags());
            for (CustomTagRepository.CustomTag custom : new CustomTagRepository(db).all()) {
                all.addAll(TagTeacher.score(custom.name(), CustomTagHead.fromBytes(custom.head()), result.embeddings()));
            }
            repository.replaceForAsset(asset.id(), all, result.embeddings(), ShotTagger.MODELS);
            return new Tagged(asset, Math.max(1, shots.size()), result.samples(), all);
        } catch (ProbeException | RuntimeException e) {
            repository.recordFailure(asset.id(), ShotTagger.MODELS, e.getMessage());
            throw e;
        }
    }
}
