package io.cutroom.color;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.GradeRepository;
import io.cutroom.ingest.ClipShots;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.ShotCorrection;
import io.cutroom.media.shots.Shot;
import io.cutroom.worker.MediaWorkers;
import io.cutroom.worker.WorkerException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * A clip's grade in the catalog: reading it, and storing the results of auto correction, shot match and
 * manual changes. The studio and the CLI both go through here, so they store the same thing.
 */
public final class ClipGrading {
    /** Stills are measured at this size: more pixels do not change the statistics. */
    static final int STILL_SIDE = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogDb db;
    private final GradeRepository grades;

    public ClipGrading(CatalogDb db) {
        this.db = db;
        this.grades = new GradeRepository(db);
    }

    /** The result of a measurement: the stored grade and the shots it came from. */
    public record Result(Grade grade, List<ShotColor> shots) {
    }

    /** The clip's grade, or the neutral grade when none is stored. */
    public Grade current(long assetId) throws IOException {
        var stored = grades.find(assetId);
        if (stored.isEmpty()) {
            return Grade.NEUTRAL;
        }
        try {
            return Grade.fromJson(stored.get().grade());
        } catch (JsonProcessingException e) {
            throw new IOException("The stored grade of asset " + assetId + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    public Optional<GradeRepository.Stored> stored(long assetId) {
        return grades.find(assetId);
    }

    /** Measures the clip and stores an automatic grade; the editor's manual settings are kept. */
    public Result auto(Asset asset, JobContext ctx) throws ProbeException, IOException {
        List<ShotColor> shots = measure(asset, null, ctx);
        Grade grade = AutoColor.toGrade(current(asset.id()), shots);
        save(asset.id(), grade, "auto", null, shots);
        return new Result(grade, shots);
    }

    /** Makes the clip look like {@code reference} as graded, and stores that. */
    public Result match(Asset asset, Asset reference, JobContext ctx) throws ProbeException, IOException {
        if (asset.id() == reference.id()) {
            throw new IllegalArgumentException("A clip cannot be matched to itself; choose another reference.");
        }
        ShotMatch.Look look = ShotMatch.Look.of(measure(reference, current(reference.id()), ctx));
        List<ShotColor> shots = measure(asset, null, ctx);
        Grade grade = ShotMatch.toGrade(current(asset.id()), shots, look);
        save(asset.id(), grade, "match", reference.id(), shots);
        return new Result(grade, shots);
    }

    /**
     * The eyedropper: the area around ({@code x}, {@code y}) (fractions of the frame) at {@code timeSec} is
     * grey. Its gains become the clip's white balance: the temperature and tint sliders go back to zero and the
     * shots' automatic gains to none, since the editor's grey now decides; their exposure stays.
     */
    public Grade neutralAt(Asset asset, double timeSec, double x, double y, JobContext ctx) throws ProbeException, IOException {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("The picked point must lie in the frame: X and Y run from 0 to 1.");
        }
        if (!asset.isReady() || (asset.kind() != MediaKind.VIDEO && asset.kind() != MediaKind.IMAGE)) {
            throw new ProbeException(asset.fileName() + " has no picture to pick a grey from.");
        }
        double duration = asset.info().durationSec() == null ? 0 : asset.info().durationSec();
        if (asset.kind() == MediaKind.VIDEO && (timeSec < 0 || timeSec > duration)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%.2f s is outside the clip, which lasts %.2f s.", timeSec, duration));
        }
        double[] gains;
        try {
            gains = MediaWorkers.run(MediaWorkers.Kind.INFERENCE, new PickTask(asset.path().toString(), asset.info(),
                    timeSec, x, y), ctx, MediaWorkers.quietLimitFor(asset.info().durationSec()));
        } catch (WorkerException e) {
            throw new ProbeException(e.getMessage(), e);
        }
        return applyNeutral(asset.id(), gains);
    }

    /**
     * Stores {@code gains}, which make a picked grey neutral, as the clip's white balance; the studio's
     * eyedropper measures them on the frame the editor sees. Temperature and tint go back to zero and the
     * shots' automatic gains to none; their exposure stays.
     */
    public Grade applyNeutral(long assetId, double[] gains) throws IOException {
        Grade g = current(assetId);
        List<ShotCorrection> shots = g.shots() == null ? null : g.shots().stream()
                .map(s -> new ShotCorrection(s.startSec(), s.endSec(), List.of(1.0, 1.0, 1.0), s.exposure())).toList();
        Grade picked = new Grade(g.exposure(), g.contrast(), g.saturation(), 0, 0,
                List.of(AutoColor.round(gains[0]), AutoColor.round(gains[1]), AutoColor.round(gains[2])),
                g.gamma(), g.lut(), g.lift(), g.gain(), shots);
        saveManual(assetId, picked);
        return picked;
    }

    /**
     * Stores what the editor changed since {@code base} (the grade their panel started from) over the grade the catalog
     * holds now, so another editor's changes to other settings of the same clip are kept. Returns the grade stored.
     */
    public Grade saveChanges(long assetId, Grade base, Grade mine) {
        Grade[] stored = new Grade[1];
        IOException[] unreadable = new IOException[1];
        grades.update(assetId, before -> {
            try {
                Grade now = before.isEmpty() ? Grade.NEUTRAL : Grade.fromJson(before.get().grade());
                stored[0] = GradeMerge.threeWay(base, mine, now);
            } catch (IOException e) {
                unreadable[0] = e;
                stored[0] = mine; // a stored grade nobody can read is replaced by the editor's
            }
            return manualRow(assetId, stored[0], before);
        });
        if (unreadable[0] != null) {
            LoggerFactory.getLogger(ClipGrading.class).warn("Replaced an unreadable grade of asset {}", assetId, unreadable[0]);
        }
        return stored[0];
    }

    /** Stores the editor's grade; the source and measurements of its automatic part stay as they were. */
    public void saveManual(long assetId, Grade grade) {
        grades.save(manualRow(assetId, grade, grades.find(assetId)));
    }

    private static GradeRepository.Stored manualRow(long assetId, Grade grade, Optional<GradeRepository.Stored> before) {
        String source = grade.shots() == null ? "manual" : before.map(GradeRepository.Stored::source).orElse("manual");
        return new GradeRepository.Stored(assetId, grade.toJson(), source,
                grade.shots() == null ? null : before.map(GradeRepository.Stored::referenceId).orElse(null),
                grade.shots() == null ? null : before.map(GradeRepository.Stored::analysis).orElse(null), Instant.now());
    }

    public void reset(long assetId) {
        grades.delete(assetId);
    }

    private void save(long assetId, Grade grade, String source, Long reference, List<ShotColor> shots) throws IOException {
        grades.save(new GradeRepository.Stored(assetId, grade.toJson(), source, reference,
                JSON.writeValueAsString(ShotColorJson.of(shots)), Instant.now()));
    }

    /** Per-shot measurements of a video, or one for a still, as {@code graded} shows them (null: as they are). */
    List<ShotColor> measure(Asset asset, Grade graded, JobContext ctx) throws ProbeException {
        if (!asset.isReady()) {
            throw new ProbeException(asset.fileName() + " could not be read when it was imported: " + asset.error());
        }
        if (asset.kind() != MediaKind.VIDEO && asset.kind() != MediaKind.IMAGE) {
            throw new ProbeException(asset.fileName() + " is audio: it has no picture to grade.");
        }
        List<Shot> shots = List.of();
        if (asset.kind() == MediaKind.VIDEO) {
            shots = ClipShots.storedOrDetected(db, asset.id(), asset.path(), ctx);
            if (shots.isEmpty()) {
                double end = asset.info().durationSec() == null ? 0 : asset.info().durationSec();
                shots = List.of(new Shot(0, 0, end));
            }
        }
        try {
            return MediaWorkers.run(MediaWorkers.Kind.INFERENCE,
                    new MeasureTask(asset.path().toString(), asset.info(), new ArrayList<>(shots), graded), ctx,
                    MediaWorkers.quietLimitFor(asset.info().durationSec()));
        } catch (WorkerException e) {
            throw new ProbeException(e.getMessage(), e);
        }
    }
}
