package io.cutroom.color;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.media.render.Grade;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.worker.WorkerTask;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoding half of auto colour and shot match, run in the media worker: the clip's shots when the
 * catalog has none yet, and each shot's colour measured in linear light ({@code graded}: as that grade
 * shows it; null: as it is).
 */
record MeasureTask(String path, MediaInfo info, ArrayList<Shot> storedShots, Grade graded)
        implements WorkerTask<MeasureTask.Measured> {

    /** The shots (new ones when {@code detected}) and their measurements. */
    record Measured(ArrayList<Shot> shots, boolean detected, ArrayList<ShotColor> colors) implements Serializable {
    }

    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public Measured run(JobContext ctx) throws Exception {
        Path file = Path.of(path);
        AutoColor auto = new AutoColor();
        if (info.kind() == MediaKind.IMAGE) {
            BufferedImage still = new ThumbnailMaker().upright(file, info.exifOrientation(), ClipGrading.STILL_SIDE);
            return new Measured(new ArrayList<>(), false, new ArrayList<>(List.of(auto.analyseStill(still, graded))));
        }
        boolean detect = storedShots.isEmpty();
        List<Shot> shots = detect ? new ShotDetector().detect(file, ctx) : storedShots;
        List<Shot> measured = shots;
        if (measured.isEmpty()) {
            double end = info.durationSec() == null ? 0 : info.durationSec();
            measured = List.of(new Shot(0, 0, end));
        }
        return new Measured(new ArrayList<>(shots), detect,
                new ArrayList<>(auto.analyseVideo(file, info, measured, graded, ctx)));
    }
}
