package io.cutroom.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S64BE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S64LE;

import io.cutroom.media.Ffmpeg;
import io.cutroom.media.ProbeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A started grabber whose audio JavaCV can hand out as samples. FFmpeg decodes 64-bit integer PCM, but the
 * grabber has no buffer type for it and fails inside its own code. The grabber opened on the file tells
 * which codec the audio is in; only for 64-bit PCM is it closed, the audio converted to 32-bit float by the
 * bundled ffmpeg into a temporary WAV, and a grabber opened on that instead. The temporary WAV goes on close.
 */
final class DecodableAudio implements AutoCloseable {
    /** Converting is a decode and a write of the audio alone: far quicker than real time even for hours. */
    private static final long CONVERT_LIMIT_MINUTES = 30;
    private final FFmpegFrameGrabber grabber;
    private final Path temporary;

    private DecodableAudio(FFmpegFrameGrabber grabber, Path temporary) {
        this.grabber = grabber;
        this.temporary = temporary;
    }

    /** Opens {@code file}, sets the grabber up with {@code setup} before it starts, and starts it. */
    static DecodableAudio open(Path file, Consumer<FFmpegFrameGrabber> setup) throws ProbeException, FrameGrabber.Exception {
        FFmpegFrameGrabber direct = started(file, setup);
        if (!isSixtyFourBitPcm(direct)) {
            return new DecodableAudio(direct, null);
        }
        direct.close();
        Path converted = converted(file);
        try {
            return new DecodableAudio(started(converted, setup), converted);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            deleteQuietly(converted);
            throw e;
        }
    }

    FFmpegFrameGrabber grabber() {
        return grabber;
    }

    /** Whether the audio had to be converted before it could be decoded. */
    boolean converted() {
        return temporary != null;
    }

    @Override
    public void close() throws FrameGrabber.Exception {
        try {
            grabber.close();
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    private static FFmpegFrameGrabber started(Path file, Consumer<FFmpegFrameGrabber> setup) throws FrameGrabber.Exception {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        setup.accept(grabber);
        try {
            grabber.start();
            return grabber;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            grabber.close();
            throw e;
        }
    }

    private static boolean isSixtyFourBitPcm(FFmpegFrameGrabber grabber) {
        int codec = grabber.getAudioStream() >= 0 ? grabber.getAudioCodec() : -1;
        return codec == AV_CODEC_ID_PCM_S64LE || codec == AV_CODEC_ID_PCM_S64BE;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
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
                deleteQuietly(out); // never leave a half-written conversion behind
            }
        }
    }
}
