package io.cutroom.exports;

import io.cutroom.audio.Loudness;
import io.cutroom.audio.LoudnessScanner;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.RenderException;
import io.cutroom.media.render.RenderPipeline;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.media.render.RenderResult;
import io.cutroom.worker.WorkerTask;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A render run in the media worker: the request in plain values, and the source's loudness when the
 * catalog already knows it. The worker measures the loudness itself when it is needed and not known,
 * and hands the measurement back for the catalog.
 */
record RenderTask(String source, String output, RenderPreset preset, AspectRatio aspect, CropTrack crop, Grade grade,
                  Double loudnessTarget, boolean overwrite, Loudness knownLoudness) implements WorkerTask<RenderTask.Rendered> {

    record Rendered(int width, int height, long frames, double durationSec, double wallSeconds, Loudness measured)
            implements Serializable {
    }

    static RenderTask of(RenderRequest request, Loudness knownLoudness) {
        return new RenderTask(request.source().toString(), request.output().toString(), request.preset(), request.aspect(),
                request.crop(), request.grade(), request.loudnessTarget(), request.overwrite(), knownLoudness);
    }

    @Override
    public String subject() {
        return Path.of(source).getFileName().toString();
    }

    @Override
    public Rendered run(JobContext ctx) throws RenderException {
        RenderRequest request = new RenderRequest(Path.of(source), Path.of(output), preset, aspect, crop, grade,
                loudnessTarget, overwrite);
        RenderPipeline pipeline = new RenderPipeline();
        Loudness measured = null;
        if (loudnessTarget != null) {
            Loudness loudness = knownLoudness;
            if (loudness == null) {
                ctx.progress(0, 0, "Measuring loudness");
                measured = measure(request.source());
                loudness = measured;
            }
            pipeline.withLoudnessGainDb(loudness.gainDbFor(loudnessTarget, RenderPipeline.TRUE_PEAK_CEILING_DBTP));
        }
        RenderResult result = pipeline.render(request, ctx);
        return new Rendered(result.width(), result.height(), result.frames(), result.durationSec(), result.wallSeconds(),
                measured);
    }

    private static Loudness measure(Path file) throws RenderException {
        try {
            return new LoudnessScanner().measure(file);
        } catch (ProbeException e) {
            throw new RenderException("The loudness could not be measured: " + e.getMessage(), e);
        }
    }
}
