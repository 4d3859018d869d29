package io.cutroom.ingest;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ShotRepository;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.ProbeException;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotsTask;
import io.cutroom.worker.MediaWorkers;
import io.cutroom.worker.WorkerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A clip's shots: the stored ones, or (the first time) the ones the detector finds, stored for next time. */
public final class ClipShots {
    /** Detection reports progress every frame, so a minute without a word means the decoder is stuck. */
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(60);

    private ClipShots() {
    }

    /** Detection decodes the whole clip, so it runs in the media worker. */
    public static List<Shot> storedOrDetected(CatalogDb db, long assetId, Path file, JobContext ctx) throws ProbeException {
        ShotRepository repository = new ShotRepository(db);
        List<Shot> shots = repository.forAsset(assetId);
        if (shots.isEmpty()) {
            try {
                shots = MediaWorkers.run(MediaWorkers.Kind.INFERENCE, new ShotsTask(file.toString()), ctx, QUIET_LIMIT);
            } catch (WorkerException e) {
                throw new ProbeException(e.getMessage(), e);
            }
            repository.storeFound(assetId, shots);
        }
        return shots;
    }
}
