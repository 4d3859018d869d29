package io.cutroom.reframe;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.vision.VisionModels;
import io.cutroom.worker.WorkerTask;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The decoding and network half of reframing, run in the media worker: the clip's shots when the catalog
 * has none yet, and the weighted subjects at each analysed moment. Planning the camera is plain Java and
 * happens in the studio.
 */
record SignalTask(String path, MediaInfo info, boolean findShots, SignalWeights weights)
        implements WorkerTask<SignalTask.Found> {

    /** The shots found here (empty when they were not asked for) and the subject signals. */
    record Found(ArrayList<Shot> shots, ArrayList<FrameSignals> signals) implements Serializable {
    }

    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public Found run(JobContext ctx) throws Exception {
        Path file = Path.of(path);
        ArrayList<Shot> shots = findShots ? new ArrayList<>(new ShotDetector().detect(file, ctx)) : new ArrayList<>();
        ctx.progress(0, 1, "Finding subjects");
        return new Found(shots, new ArrayList<>(new SignalAnalyzer(VisionModels.shared(), weights).analyse(file, info, ctx)));
    }
}
