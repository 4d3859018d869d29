package io.cutroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.media.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real media shipped with the tests, and the bundled FFmpeg tools as an independent oracle. */
public final class TestMedia {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestMedia() {
    }

    /**
     * The copy of the shared test media kept in the project (see assets/CREDITS.md), found from the module the
     * tests run in ({@code app/} or {@code bench/}).
     */
    public static Path folder() {
        Path media = Path.of("app", "src", "test", "media");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(media))) {
                return dir.resolve(media);
            }
        }
        throw new IllegalStateException("The test media (app/src/test/media) are not above " + Path.of("").toAbsolutePath());
    }

    public static Path file(String relative) {
        return folder().resolve(relative);
    }

    /** What the bundled ffprobe says about a file: {@code -show_format -show_streams} as JSON. */
    public static JsonNode ffprobe(Path file) throws IOException, InterruptedException {
        return JSON.readTree(run(List.of(Ffmpeg.ffprobeExecutable(), "-v", "error", "-show_format", "-show_streams",
                "-of", "json", file.toString())));
    }

    /** The end time of the last packet, as ffprobe reads it packet by packet. */
    public static double lastPacketEnd(Path file) throws IOException, InterruptedException {
        JsonNode packets = JSON.readTree(run(List.of(Ffmpeg.ffprobeExecutable(), "-v", "error", "-show_entries",
                "packet=pts_time,duration_time", "-of", "json", file.toString()))).path("packets");
        double end = 0;
        for (JsonNode p : packets) {
            if (p.hasNonNull("pts_time")) {
                end = Math.max(end, p.path("pts_time").asDouble() + p.path("duration_time").asDouble(0));
            }
        }
        return end;
    }

    /** Makes a test-pattern clip with the bundled ffmpeg: H.264 video and a sine tone in MP4. */
    public static Path makeClip(Path out, int width, int height, double seconds) throws IOException, InterruptedException {
        run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", Double.toString(seconds), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-shortest", out.toString()));
        return out;
    }

    /** The first {@code seconds} of a clip as H.264 with B-frames that nothing refers to (as many cameras and NLEs write). */
    public static Path encodeWithBFrames(Path source, Path out, double seconds) throws IOException, InterruptedException {
        run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-i", source.toString(), "-t", Double.toString(seconds),
                "-an", "-c:v", "libx264", "-preset", "veryfast", "-bf", "3", "-x264-params", "b-pyramid=none",
                "-pix_fmt", "yuv420p", out.toString()));
        return out;
    }

    /** The first {@code seconds} of a clip as H.264 in the given pixel format (yuv420p, yuv422p10le, ...). */
    public static Path encode(Path source, Path out, double seconds, String pixelFormat) throws IOException, InterruptedException {
        run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-i", source.toString(), "-t", Double.toString(seconds),
                "-an", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-pix_fmt", pixelFormat, out.toString()));
        return out;
    }

    /** A 2D cartoon clip: the drawing drifts and zooms across a white page for {@code seconds}. */
    public static Path makeCartoon(Path drawing, Path out, double seconds) throws IOException, InterruptedException {
        run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-f", "lavfi", "-i", "color=white:size=1024x576:rate=25",
                "-loop", "1", "-i", drawing.toString(),
                "-filter_complex", "[0][1]overlay=x='(W-w)*(0.5+0.4*sin(t))':y='(H-h)/2',scale=854:480,setsar=1",
                "-t", Double.toString(seconds), "-r", "25", "-c:v", "libx264", "-pix_fmt", "yuv420p", out.toString()));
        return out;
    }

    /** A second of a 440 Hz tone at half scale, stereo 48 kHz, as a WAV in the given PCM codec (pcm_s16le, pcm_s64le, ...). */
    public static Path makeTone(Path out, String pcmCodec) throws IOException, InterruptedException {
        run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=1:sample_rate=48000,volume=0.5,aformat=channel_layouts=stereo",
                "-c:a", pcmCodec, out.toString()));
        return out;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("cutroom-oracle", ".out");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false)
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int code = process.waitFor();
            String text = Files.readString(output);
            if (code != 0 && text.isBlank()) {
                throw new IOException(command.get(0) + " exited with " + code + " for " + command);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
