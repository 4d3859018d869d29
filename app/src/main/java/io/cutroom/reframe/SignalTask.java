package io.cutroom.reframe;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.shots.Shot;
import io.cutroom.vision.VisionModels;
import io.cutroom.worker.WorkerTask;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The decoding and network half of reframing, run in the media worker: the weighted subjects at each
 * analysed moment, and the shots when they are not stored yet ({@code knownShots} null). Planning the
 * camera is plain Java and happens in the studio.
 */
record SignalTask(String path, MediaInfo info, SignalWeights weights, ArrayList<Shot> knownShots)
        implements WorkerTask<SignalAnalyzer.Analysis> {

    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public SignalAnalyzer.Analysis run(JobContext ctx) throws Exception {
        return new SignalAnalyzer(VisionModels.shared(), weights).analyse(Path.of(path), info, knownShots, ctx);
    }
}
