package io.cutroom.worker;

import io.cutroom.jobs.JobContext;
import java.io.Serializable;

/**
 * Native-heavy work (probe, decode, tag, render) that runs in the media worker process, so a crash in
 * FFmpeg or ND4J ends that process rather than the studio. A task travels serialized: it carries plain
 * values (paths as strings) and builds what it needs on the worker's side.
 */
public interface WorkerTask<R extends Serializable> extends Serializable {
    /** What the work is about, for the sentence the editor reads when it fails: usually a file name. */
    String subject();

    R run(JobContext ctx) throws Exception;
}
