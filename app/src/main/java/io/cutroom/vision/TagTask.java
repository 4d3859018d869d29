package io.cutroom.vision;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.worker.WorkerTask;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoding and network half of tagging one asset, run in the media worker: its shots (found here
 * when the catalog has none yet), then the networks over the sampled frames. The networks stay loaded
 * in the worker between assets.
 */
record TagTask(long assetId, String path, MediaInfo info, ArrayList<Shot> storedShots, TagThresholds thresholds)
        implements WorkerTask<TagTask.Findings> {

    /** What the worker found: the shots (new ones when {@code detected}), and the tags and embeddings. */
    record Findings(ArrayList<Shot> shots, boolean detected, ShotTagger.Result result) implements Serializable {
    }

    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public Findings run(JobContext ctx) throws Exception {
        Path file = Path.of(path);
        boolean detect = info.kind() == MediaKind.VIDEO && storedShots.isEmpty();
        List<Shot> shots = detect ? new ShotDetector().detect(file, ctx) : storedShots;
        ShotTagger.Result result = new ShotTagger(VisionModels.shared(), thresholds).tag(assetId, file, info, shots);
        return new Findings(new ArrayList<>(shots), detect, result);
    }
}
