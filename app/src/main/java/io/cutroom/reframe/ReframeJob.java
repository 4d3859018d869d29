package io.cutroom.reframe;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.catalog.ShotRepository;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;
import io.cutroom.jobs.JobSummary;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.shots.Shot;
import io.cutroom.worker.MediaWorkers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reframes a catalog clip and stores the track, keeping the editor's pins and locks for that shape: what the
 * studio runs in the background and {@code cutroom reframe} runs in place.
 */
public final class ReframeJob implements Job<ReframeJob.Done> {
    private final CatalogDb db;
    private final Asset asset;
    private final AspectRatio aspect;
    private final MotionStyle style;
    private final SignalWeights weights;
    private final Widening widening;

    public record Done(Reframer.Result result) implements JobSummary {
        @Override
        public String summary() {
            List<ShotPlan> shots = result.plan().shots();
            long dropped = shots.stream().filter(s -> s.framesWithDroppedSubjects() > 0).count();
            long widened = shots.stream().filter(ShotPlan::wasWidened).count();
            return shots.size() + (shots.size() == 1 ? " shot" : " shots") + " framed for " + result.aspect()
                    + (widened == 0 ? "" : " · widened in " + widened)
                    + (dropped == 0 ? "" : " · " + ShotPlan.leftOutAcross(shots) + " left out in " + dropped);
        }
    }

    public ReframeJob(CatalogDb db, Asset asset, AspectRatio aspect, MotionStyle style, SignalWeights weights) {
        this(db, asset, aspect, style, weights, Widening.NONE);
    }

    /** As above, letting a shot's window widen up to {@code widening} where its subjects need it. */
    public ReframeJob(CatalogDb db, Asset asset, AspectRatio aspect, MotionStyle style, SignalWeights weights,
                      Widening widening) {
        this.widening = widening;
        this.db = db;
        this.asset = asset;
        this.aspect = aspect;
        this.style = style;
        this.weights = weights;
    }

    @Override
    public String title() {
        return "Reframing " + asset.fileName() + " for " + aspect;
    }

    @Override
    public Done run(JobContext ctx) throws Exception {
        Reframer.requireVideo(asset.info());
        ShotRepository shotRepository = new ShotRepository(db);
        List<Shot> shots = shotRepository.forAsset(asset.id());
        ctx.progress(0, 1, "Finding subjects");
        SignalAnalyzer.Analysis analysis = MediaWorkers.run(MediaWorkers.Kind.INFERENCE,
                new SignalTask(asset.path().toString(), asset.info(), weights, shots.isEmpty() ? null : new ArrayList<>(shots)), ctx,
                MediaWorkers.quietLimitFor(asset.info().durationSec()));
        if (shots.isEmpty()) {
            shots = analysis.shots();
            shotRepository.storeFound(asset.id(), shots);
        }
        List<FrameSignals> signals = analysis.signals();
        ReframeRepository repository = new ReframeRepository(db);
        var previous = repository.find(asset.id(), aspect.toString());
        List<Pin> pins = previous.map(s -> Reframer.pinsFromJson(s.pins())).orElse(List.of());
        List<SubjectLock> locks = previous.map(s -> Reframer.locksFromJson(s.locks())).orElse(List.of());
        Reframer.Result result = Reframer.plan(asset.info(), shots, aspect, style, weights, pins, locks, signals, widening);
        repository.save(new ReframeRepository.Stored(asset.id(), aspect.toString(), style.id(), result.weightsJson(),
                result.plan().track().toJson(), result.shotsJson(), result.signalsJson(), Reframer.pinsJson(pins),
                Reframer.locksJson(locks), Instant.now(), widening.limitId(),
                widening.allowed() ? widening.fill().id() : "blur"));
        return new Done(result);
    }
}
