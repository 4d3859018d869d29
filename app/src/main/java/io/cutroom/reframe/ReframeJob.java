package io.cutroom.reframe;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.catalog.ShotRepository;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;
import io.cutroom.jobs.JobSummary;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.vision.VisionModels;
import java.time.Instant;
import java.util.List;

/** Reframes a catalog clip in the background and stores the track, keeping the editor's pins for that shape. */
public final class ReframeJob implements Job<ReframeJob.Done> {
    private final CatalogDb db;
    private final Asset asset;
    private final AspectRatio aspect;
    private final MotionStyle style;

    public record Done(Reframer.Result result, List<ShotPlan> shots) implements JobSummary {
        @Override
        public String summary() {
            long dropped = shots.stream().filter(s -> s.framesWithDroppedSubjects() > 0).count();
            return shots.size() + (shots.size() == 1 ? " shot" : " shots") + " framed for " + result.aspect()
                    + (dropped == 0 ? "" : " · someone left out in " + dropped);
        }
    }

    public ReframeJob(CatalogDb db, Asset asset, AspectRatio aspect, MotionStyle style) {
        this.db = db;
        this.asset = asset;
        this.aspect = aspect;
        this.style = style;
    }

    @Override
    public String title() {
        return "Reframing " + asset.fileName() + " for " + aspect;
    }

    @Override
    public Done run(JobContext ctx) throws Exception {
        ctx.progress(0, 1, "Finding shots");
        var shots = new ShotRepository(db).storedOrDetected(asset.id(), asset.path(), ctx);
        ReframeRepository repository = new ReframeRepository(db);
        var previous = repository.find(asset.id(), aspect.toString());
        List<Pin> pins = previous.map(s -> Reframer.pinsFromJson(s.pins())).orElse(List.of());
        List<SubjectLock> locks = previous.map(s -> Reframer.locksFromJson(s.locks())).orElse(List.of());
        Reframer.Result analysed = new Reframer(VisionModels.shared()).reframe(asset.path(), asset.info(), shots, aspect,
                style, SignalWeights.DEFAULT, ctx);
        CameraPlanner.Plan plan = pins.isEmpty() && locks.isEmpty() ? analysed.plan() : CameraPlanner.plan(
                asset.info().displayWidth(), asset.info().displayHeight(), aspect, shots, analysed.signals(), style, pins, locks);
        Reframer.Result result = new Reframer.Result(plan, analysed.signals(), aspect, style, analysed.weights());
        repository.save(new ReframeRepository.Stored(asset.id(), aspect.toString(), style.id(),
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result.weights().asMap()),
                plan.track().toJson(), result.shotsJson(),
                result.signalsJson(), Reframer.pinsJson(pins), Reframer.locksJson(locks), Instant.now()));
        return new Done(result, plan.shots());
    }
}
