package io.cutroom.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S64P;

import io.cutroom.media.Ffmpeg;
import io.cutroom.media.ProbeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A file whose audio JavaCV's grabber can hand out as samples. FFmpeg decodes 64-bit integer PCM, but the
 * grabber has no buffer type for it and fails inside its own code; such audio is first converted to 32-bit
 * float by the bundled ffmpeg into a temporary WAV, deleted on close. Any other file is used as it is.
 */
final class DecodableAudio implements AutoCloseable {
    /** Converting is a decode and a write of the audio alone: far quicker than real time even for hours. */
    private static final long CONVERT_LIMIT_MINUTES = 30;
    private final Path path;
    private final boolean temporary;

    private DecodableAudio(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static DecodableAudio of(Path file) throws ProbeException {
        return needsConversion(file) ? new DecodableAudio(converted(file), true) : new DecodableAudio(file, false);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }

    private static boolean needsConversion(Path file) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleMode(FrameGrabber.SampleMode.RAW);
            grabber.setVideoStream(-1);
            grabber.start();
            int format = grabber.getSampleFormat();
            return grabber.getAudioStream() >= 0 && (format == AV_SAMPLE_FMT_S64 || format == AV_SAMPLE_FMT_S64P);
        } catch (FrameGrabber.Exception e) {
            return false; // the decode that follows reports what is wrong with the file
        }
    }

    private static Path converted(Path file) throws ProbeException {
        Path out;
        try {
            out = Files.createTempFile("cutroom-audio-", ".wav");
        } catch (IOException e) {
            throw new ProbeException("The audio could not be converted for decoding: no temporary file could be made.", e);
        }
        List<String> command = List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-nostdin", "-y", "-i", file.toString(),
                "-map", "0:a:0", "-c:a", "pcm_f32le", "-f", "wav", out.toString());
        boolean done = false;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(CONVERT_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ProbeException("The audio could not be converted for decoding in " + CONVERT_LIMIT_MINUTES + " minutes.");
            }
            if (process.exitValue() != 0) {
                throw new ProbeException("The audio is 64-bit PCM, and FFmpeg could not convert it for decoding"
                        + " (a full disk, or a damaged file).");
            }
            done = true;
            return out;
        } catch (IOException e) {
            throw new ProbeException("The audio could not be converted for decoding: the bundled ffmpeg did not start.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("The audio conversion was interrupted.", e);
        } finally {
            if (!done) {
                out.toFile().delete(); // never leave a half-written conversion behind
            }
        }
    }
}
