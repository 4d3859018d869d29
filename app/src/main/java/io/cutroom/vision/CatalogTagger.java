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

import io.cutroom.worker.MediaWorkers;
import io.cutroom.worker.WorkerException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tags catalog assets: finds shots once (shared with reframing) and runs the networks, both in the media
 * worker; then scores the editor's custom tags on the new embeddings and replaces the asset's tags in one
 * transaction, here, where the catalog is written.
 */
public final class CatalogTagger {
    private final CatalogDb db;

    public CatalogTagger(CatalogDb db) {
        this.db = db;
    }

    public record Tagged(Asset asset, int shots, int samples, List<ShotTag> tags) {
    }

    public Tagged tag(Asset asset, JobContext ctx) throws ProbeException, ModelException {
        TagRepository repository = new TagRepository(db);
        if (!asset.isReady() || asset.kind() == MediaKind.AUDIO) {
            return new Tagged(asset, 0, 0, List.of());
        }
        try {
            // A video tagged for the first time has its shots found in the pass that samples it; they are
            // stored for reframing and colour.
            ShotRepository shotRepository = new ShotRepository(db);
            List<Shot> shots = asset.kind() == MediaKind.VIDEO ? shotRepository.forAsset(asset.id()) : List.of();
            ShotTagger.Result result = MediaWorkers.run(MediaWorkers.Kind.INFERENCE,
                    new TagTask(asset.id(), asset.path().toString(), asset.info(), new ArrayList<>(shots),
                            TagThresholds.of(db)),
                    ctx, MediaWorkers.quietLimitFor(asset.info().durationSec()));
            if (asset.kind() == MediaKind.VIDEO && shots.isEmpty()) {
                shots = result.shots();
                shotRepository.storeFound(asset.id(), shots);
            }
            List<ShotTag> all = new ArrayList<>(result.tags());
            for (CustomTagRepository.CustomTag custom : new CustomTagRepository(db).all()) {
                all.addAll(TagTeacher.score(custom.name(), CustomTagHead.fromBytes(custom.head()), result.embeddings()));
            }
            repository.replaceForAsset(asset.id(), all, result.embeddings(), ShotTagger.MODELS);
            return new Tagged(asset, Math.max(1, shots.size()), result.samples(), all);
        } catch (WorkerException e) {
            if (e.kind() == WorkerException.Kind.MODEL) {
                throw new ModelException(e.getMessage());
            }
            repository.recordFailure(asset.id(), ShotTagger.MODELS, e.getMessage());
            throw new ProbeException(e.getMessage(), e);
        } catch (RuntimeException e) {
            repository.recordFailure(asset.id(), ShotTagger.MODELS, e.getMessage());
            throw e;
        }
    }
}
