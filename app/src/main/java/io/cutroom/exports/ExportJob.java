package io.cutroom.exports;

import io.cutroom.audio.Loudness;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.RenderRecord;
import io.cutroom.catalog.RenderRepository;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.render.RenderException;
import io.cutroom.media.render.RenderPipeline;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.render.RenderResult;
import io.cutroom.worker.MediaWorkers;
import io.cutroom.worker.WorkerException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a catalog asset and keeps the record: a render row from start to end (done, failed or
 * cancelled, with the reason), and the source's loudness measurement when normalizing.
 */
public final class ExportJob implements Job<RenderResult> {
    /** The render reports every few frames; two minutes without a word means the encoder is stuck. */
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(120);
    private final CatalogDb db;
    private final long assetId;
    private final RenderRequest request;

    /** A request without a grade takes the clip's stored grade, so what the editor graded is what renders. */
    public ExportJob(CatalogDb db, long assetId, RenderRequest request) {
        this.db = db;
        this.assetId = assetId;
        this.request = request.grade() != null ? request : withStoredGrade(db, assetId, request);
    }

    private static RenderRequest withStoredGrade(CatalogDb db, long assetId, RenderRequest request) {
        try {
            var grade = new io.cutroom.color.ClipGrading(db).current(assetId);
            return new RenderRequest(request.source(), request.output(), request.preset(), request.aspect(), request.crop(),
                    grade, request.loudnessTarget(), request.overwrite());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String title() {
        return "Render " + request.output().getFileName();
    }

    @Override
    public RenderResult run(JobContext ctx) throws RenderException {
        RenderRepository renders = new RenderRepository(db);
        long renderId = renders.started(assetId, request.output().toAbsolutePath(), request.preset().id(), settingsJson());
        try {
            Loudness known = request.loudnessTarget() == null ? null : renders.loudness(assetId).orElse(null);
            RenderTask.Rendered done = MediaWorkers.run(MediaWorkers.Kind.RENDER, RenderTask.of(request, known), ctx,
                    QUIET_LIMIT);
            if (done.measured() != null) {
                renders.saveLoudness(assetId, done.measured());
            }
            renders.finished(renderId, done.width(), done.height(), done.frames(), done.durationSec(), done.wallSeconds());
            return new RenderResult(request.output(), done.width(), done.height(), done.frames(), done.durationSec(),
                    done.wallSeconds());
        } catch (JobCancelledException e) {
            renders.ended(renderId, RenderRecord.Status.CANCELLED, "Cancelled; no file was written.");
            removePartial();
            throw e;
        } catch (WorkerException e) {
            renders.ended(renderId, RenderRecord.Status.FAILED, e.getMessage());
            if (e.processFailed()) {
                removePartial();
            }
            throw new RenderException(e.getMessage(), e);
        } catch (RuntimeException e) {
            renders.ended(renderId, RenderRecord.Status.FAILED, e.getMessage());
            throw e;
        }
    }

    /** A worker that died mid-render leaves its hidden partial file; it never had the finished name. */
    private void removePartial() {
        try {
            java.nio.file.Files.deleteIfExists(RenderPipeline.partialFile(request.output()));
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(ExportJob.class).warn("Could not remove a partial render", e);
        }
    }

    private String settingsJson() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("preset", request.preset().id());
        settings.put("aspect", request.aspect() == null ? null : request.aspect().toString());
        settings.put("crop", request.crop() == null ? "center" : request.crop().toJson());
        settings.put("grade", request.grade() == null || request.grade().isNeutral() ? null : request.grade().toJson());
        settings.put("loudnessTarget", request.loudnessTarget());
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(settings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
