package io.cutroom.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import io.cutroom.media.Ffmpeg;
import io.cutroom.media.ProbeException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Measures a file's loudness by decoding all of its audio once. */
public final class LoudnessScanner {
    public LoudnessScanner() {
        Ffmpeg.init();
    }

    public Loudness measure(Path file) throws ProbeException {
        // interleaved floats
        try (DecodableAudio audio = DecodableAudio.open(file, g -> g.setSampleFormat(AV_SAMPLE_FMT_FLT))) {
            FFmpegFrameGrabber grabber = audio.grabber();
            if (grabber.getAudioStream() < 0 || grabber.getAudioChannels() <= 0) {
                throw new ProbeException("The file has no audio to measure.");
            }
            int channels = grabber.getAudioChannels();
            LoudnessMeter meter = new LoudnessMeter(grabber.getSampleRate(), channels);
            float[] chunk = new float[0];
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                FloatBuffer samples = (FloatBuffer) frame.samples[0];
                int n = samples.remaining();
                if (chunk.length < n) {
                    chunk = new float[n];
                }
                samples.duplicate().get(chunk, 0, n);
                meter.add(chunk, 0, n / channels);
            }
            return meter.result();
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The audio could not be decoded for measuring: the file is damaged, or its audio is in a form"
                    + " FFmpeg cannot read.", e);
        }
    }
}
