package io.cutroom.media.shots;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.AnalysisDecoder;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ProbeException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a clip's shots, for a clip nothing else is decoding: an {@link AnalysisDecoder} pass that wants no
 * pictures feeds {@link CutFinder} a {@link #ANALYSIS_WIDTH}-pixel grey copy of every frame others refer to.
 * Tagging and reframing find the same cuts in their own passes.
 */
public final class ShotDetector {
    /** Stored with the shots it finds, so a later detector can tell them apart. */
    public static final String NAME = "frame-difference v1";
    public static final int ANALYSIS_WIDTH = 96;
    private final JavaCvProbe probe = new JavaCvProbe();

    public ShotDetector() {
        Ffmpeg.init();
    }

    public List<Shot> detect(Path file, JobContext ctx) throws ProbeException {
        MediaInfo info = probe.probe(file);
        if (info.kind() != MediaKind.VIDEO) {
            throw new ProbeException("Only video has shots.");
        }
        CutFinder cuts = new CutFinder();
        try (AnalysisDecoder pass = AnalysisDecoder.forCuts(file, info, cuts, "Finding cuts")) {
            pass.readToEnd(ctx);
            return cuts.shots(pass.end());
        }
    }
}
