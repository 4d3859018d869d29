package io.cutroom.color;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.vision.FrameSampler;
import io.cutroom.worker.WorkerTask;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** The decoding half of the eyedropper, run in the media worker: the gains that make a picked area grey. */
record PickTask(String path, MediaInfo info, double timeSec, double x, double y) implements WorkerTask<double[]> {

    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public double[] run(JobContext ctx) throws Exception {
        Path file = Path.of(path);
        BufferedImage picture = info.kind() == MediaKind.IMAGE
                ? new ThumbnailMaker().upright(file, info.exifOrientation(), ClipGrading.STILL_SIDE)
                : FrameSampler.sample(file, info, List.of(timeSec)).get(0);
        return NeutralPick.gainsAt(picture, x, y);
    }
}
