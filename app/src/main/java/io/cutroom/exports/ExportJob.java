package io.cutroom.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.audio.Loudness;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobArgs;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.RenderRecord;
import io.cutroom.catalog.RenderRepository;
import io.cutroom.color.ClipGrading;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.RenderException;
import io.cutroom.media.render.RenderPipeline;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.render.RenderResult;
import io.cutroom.worker.MediaWorkers;
import io.cutroom.worker.WorkerException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

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
            var grade = new ClipGrading(db).current(assetId);
            return new RenderRequest(request.source(), request.output(), request.preset(), request.aspect(), request.crop(),
                    grade, request.loudnessTarget(), request.overwrite());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String title() {
        return "Render " + request.output().getFileName();
    }

    @Override
    public RenderResult run(JobContext ctx) throws RenderException {
        return new JobJournal(db).record(JobJournal.Kind.RENDER, title(), args(), journalId -> render(ctx, journalId));
    }

    /** Everything needed to make this render again: the settings, plus the asset, output and overwrite. */
    private String args() {
        return args(assetId, request);
    }

    /** A render as words another process (a node of the studio) can carry out: {@link #fromArgs} reads it back. */
    public static String args(long assetId, RenderRequest request) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("asset", assetId);
        args.put("output", request.output().toAbsolutePath().toString());
        args.put("overwrite", request.overwrite());
        args.put("preset", request.preset().id());
        args.put("aspect", request.aspect() == null ? null : request.aspect().toString());
        args.put("crop", request.crop() == null ? null : request.crop().toJson());
        args.put("grade", request.grade() == null ? null : request.grade().toJson());
        args.put("loudnessTarget", request.loudnessTarget());
        return JobArgs.write(args);
    }

    /** Runs an interrupted render again from the start, with the settings it had. */
    public static ExportJob fromArgs(CatalogDb db, String args) throws IOException {
        long asset = JobArgs.read(args).path("asset").asLong();
        Path source = new AssetRepository(db).find(asset)
                .orElseThrow(() -> new IllegalArgumentException("The clip of this render is no longer in the catalog."))
                .path();
        return fromArgs(db, args, source, UnaryOperator.identity());
    }

    /**
     * The render {@code args} describe, from {@code source} and to where {@code localOutput} says the output is on this
     * machine: a node reads the shared media and writes the result under its own mounts.
     */
    public static ExportJob fromArgs(CatalogDb db, String args, Path source, UnaryOperator<Path> localOutput)
            throws IOException {
        JsonNode a = JobArgs.read(args);
        long asset = a.path("asset").asLong();
        RenderRequest request = new RenderRequest(source, localOutput.apply(Path.of(a.path("output").asText())),
                RenderPreset.fromId(a.path("preset").asText()),
                a.hasNonNull("aspect") ? AspectRatio.parse(a.path("aspect").asText()) : null,
                a.hasNonNull("crop") ? CropTrack.fromJson(a.path("crop").asText()) : null,
                a.hasNonNull("grade") ? Grade.fromJson(a.path("grade").asText()) : null, // null: the stored grade, when it runs
                a.hasNonNull("loudnessTarget") ? a.path("loudnessTarget").asDouble() : null,
                a.path("overwrite").asBoolean());
        return new ExportJob(db, asset, request);
    }

    private RenderResult render(JobContext ctx, long journalId) throws RenderException {
        RenderRepository renders = new RenderRepository(db);
        long renderId = renders.started(assetId, request.output().toAbsolutePath(), request.preset().id(), settingsJson(),
                journalId);
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

    /** A worker that died mid-render leaves its hidden working files; they never had the finished name. */
    private void removePartial() {
        RenderPipeline.removeWorkingFiles(request.output().toAbsolutePath());
    }

    private String settingsJson() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("preset", request.preset().id());
        settings.put("aspect", request.aspect() == null ? null : request.aspect().toString());
        settings.put("crop", request.crop() == null ? "center" : request.crop().toJson());
        settings.put("grade", request.grade() == null || request.grade().isNeutral() ? null : request.grade().toJson());
        settings.put("loudnessTarget", request.loudnessTarget());
        try {
            return new ObjectMapper().writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
