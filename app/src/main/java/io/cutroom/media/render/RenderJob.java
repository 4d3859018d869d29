package io.cutroom.media.render;

import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;

/** A render as a background job: progress per frame, cancel between frames. */
public final class RenderJob implements Job<RenderResult> {
    private final RenderRequest request;

    public RenderJob(RenderRequest request) {
        this.request = request;
    }

    @Override
    public String title() {
        return "Render " + request.output().getFileName();
    }

    @Override
    public RenderResult run(JobContext ctx) throws RenderException {
        return new RenderPipeline().render(request, ctx);
    }
}
