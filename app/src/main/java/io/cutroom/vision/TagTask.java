package io.cutroom.vision;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.shots.Shot;
import io.cutroom.worker.WorkerTask;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The decoding and network half of tagging one asset, run in the media worker: the networks over frames
 * sampled from its shots (found in the same pass when none are given). The networks stay loaded in the
 * worker between assets.
 */
record TagTask(long assetId, String path, MediaInfo info, ArrayList<Shot> shots, TagThresholds thresholds)
        implements WorkerTask<ShotTagger.Result> {

    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public ShotTagger.Result run(JobContext ctx) throws Exception {
        return new ShotTagger(VisionModels.shared(), thresholds).tag(assetId, Path.of(path), info, shots, ctx);
    }
}
