package io.cutroom.bench;

import io.cutroom.ingest.DemoMedia;
import io.cutroom.media.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Inputs and scratch folders the benchmarks and evaluations share. */
public final class BenchFiles {
    static final String DEMO_CLIP = "video/big_buck_bunny_0_30.webm";
    static final String PEOPLE_CLIP = "video/chaplin.mp4";

    private BenchFiles() {
    }

    /**
     * The demo's Big Buck Bunny excerpt (real footage, four shots in 30 s) made 1080p30 H.264 by the bundled
     * ffmpeg in {@code dir}, as an NLE export would be; with AAC audio when {@code withAudio}.
     */
    static Path bunny1080p30(Path dir, boolean withAudio) throws IOException, InterruptedException {
        return bunny1080p30(dir, withAudio, 0);
    }

    /** As above, with a keyframe every {@code keyframeEvery} frames (0: x264's default, up to 250 apart). */
    static Path bunny1080p30(Path dir, boolean withAudio, int keyframeEvery) throws IOException, InterruptedException {
        Path source = DemoMedia.folder().map(f -> f.resolve(DEMO_CLIP)).filter(Files::exists)
                .orElseThrow(() -> new IllegalStateException("The demo clip assets/demo/" + DEMO_CLIP + " is needed here."));
        Path clip = dir.resolve(keyframeEvery > 0 ? "bunny-1080p30-g" + keyframeEvery + ".mp4" : "bunny-1080p30.mp4");
        List<String> command = new ArrayList<>(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-i", source.toString(),
                "-vf", "scale=1920:1080,fps=30", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"));
        if (keyframeEvery > 0) {
            command.addAll(List.of("-g", Integer.toString(keyframeEvery)));
        }
        command.addAll(withAudio ? List.of("-c:a", "aac") : List.of("-an"));
        command.add(clip.toString());
        RenderBench.run(command);
        return clip;
    }

    /** The demo's Chaplin excerpt (people in every shot, 9.6 s) played three times, made 1080p30 H.264, no audio. */
    static Path chaplin1080p30(Path dir) throws IOException, InterruptedException {
        Path source = DemoMedia.folder().map(f -> f.resolve(PEOPLE_CLIP)).filter(Files::exists)
                .orElseThrow(() -> new IllegalStateException("The demo clip assets/demo/" + PEOPLE_CLIP + " is needed here."));
        Path clip = dir.resolve("chaplin-1080p30.mp4");
        RenderBench.run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-stream_loop", "2", "-i", source.toString(),
                "-vf", "scale=1920:1080,fps=30", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-an",
                clip.toString()));
        return clip;
    }

    /** Deletes a scratch folder and everything in it. */
    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
