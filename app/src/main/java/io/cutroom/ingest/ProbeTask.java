package io.cutroom.ingest;

import io.cutroom.audio.WaveformMaker;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.Thumbnail;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.worker.WorkerTask;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;

/** The decoding half of an import, run in the media worker: what the file is, and its pictures. */
record ProbeTask(String path) implements WorkerTask<ProbeTask.Found> {
    record Found(MediaInfo info, ArrayList<Thumbnail> pictures) implements Serializable {
    }

    @Override
    public String subject() {
        return Path.of(path).getFileName().toString();
    }

    @Override
    public Found run(JobContext ctx) throws Exception {
        Path file = Path.of(path);
        MediaInfo info = new JavaCvProbe().probe(file);
        ArrayList<Thumbnail> pictures = new ArrayList<>(new ThumbnailMaker().make(file, info));
        if (info.kind() == MediaKind.AUDIO) {
            pictures.add(new WaveformMaker().make(file, info));
        }
        return new Found(info, pictures);
    }
}
