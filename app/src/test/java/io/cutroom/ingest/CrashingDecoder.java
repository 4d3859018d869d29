package io.cutroom.ingest;

import io.cutroom.jobs.JobContext;
import io.cutroom.worker.WorkerTask;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Pointer;

/**
 * A decoder that, for files whose name starts with "poison", hands FFmpeg's {@code av_free} an address
 * it never allocated: a real fault inside FFmpeg's native code, which ends the process that runs it.
 * Any other file decodes normally.
 */
record CrashingDecoder(String path) implements WorkerTask<ProbeTask.Found> {
    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public ProbeTask.Found run(JobContext ctx) throws Exception {
        if (subject().startsWith("poison")) {
            avutil.av_free(new ForgedPointer(0xdead0000L));
        }
        return new ProbeTask(path).run(ctx);
    }

    private static final class ForgedPointer extends Pointer {
        ForgedPointer(long at) {
            address = at;
        }
    }
}
