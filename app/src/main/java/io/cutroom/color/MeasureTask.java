package io.cutroom.color;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.media.render.Grade;
import io.cutroom.media.shots.Shot;
import io.cutroom.worker.WorkerTask;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoding half of auto colour and shot match, run in the media worker: each shot's colour measured
 * in linear light ({@code graded}: as that grade shows it; null: as it is), or the still's.
 */
record MeasureTask(String path, MediaInfo info, ArrayList<Shot> shots, Grade graded)
        implements WorkerTask<ArrayList<ShotColor>> {

    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public ArrayList<ShotColor> run(JobContext ctx) throws Exception {
        Path file = Path.of(path);
        AutoColor auto = new AutoColor();
        if (info.kind() == MediaKind.IMAGE) {
            BufferedImage still = new ThumbnailMaker().upright(file, info.exifOrientation(), ClipGrading.STILL_SIDE);
            return new ArrayList<>(List.of(auto.analyseStill(still, graded)));
        }
        return new ArrayList<>(auto.analyseVideo(file, info, shots, graded, ctx));
    }
}
