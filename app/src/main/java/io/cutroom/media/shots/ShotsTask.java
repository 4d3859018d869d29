package io.cutroom.media.shots;

import io.cutroom.jobs.JobContext;
import io.cutroom.worker.WorkerTask;
import java.nio.file.Path;
import java.util.ArrayList;

/** Cut detection run in the media worker: it decodes the whole clip. */
public record ShotsTask(String path) implements WorkerTask<ArrayList<Shot>> {
    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public ArrayList<Shot> run(JobContext ctx) throws Exception {
        return new ArrayList<>(new ShotDetector().detect(Path.of(path), ctx));
    }
}
