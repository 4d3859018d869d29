package io.cutroom.audio;

import io.cutroom.media.Ffmpeg;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.Pictures;
import io.cutroom.media.ProbeException;
import io.cutroom.media.Thumbnail;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes all of a file's audio and draws its peak envelope. Decoding to the end is also what proves
 * the audio is usable: a stream that yields no samples is refused.
 */
public final class WaveformMaker {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 160;
    private static final Color WAVE = new Color(0x4f, 0xb3, 0xbf);

    public WaveformMaker() {
        Ffmpeg.init();
    }

    public Thumbnail make(Path file, MediaInfo info) throws ProbeException {
        float[] peaks = peaks(file, info);
        return new Thumbnail(Thumbnail.Role.WAVEFORM, "image/png", WIDTH, HEIGHT, 1, Pictures.png(draw(peaks)));
    }

    /** Peak magnitude (0..1) for each of {@link #WIDTH} equal slices of the audio. */
    public float[] peaks(Path file, MediaInfo info) throws ProbeException {
        try (DecodableAudio audio = DecodableAudio.open(file, g -> g.setSampleMode(FrameGrabber.SampleMode.FLOAT))) {
            FFmpegFrameGrabber grabber = audio.grabber();
            if (grabber.getAudioStream() < 0) {
                throw new ProbeException("The file has no audio stream to decode.");
            }
            int channels = Math.max(1, grabber.getAudioChannels());
            double seconds = info.durationSec() == null ? 0 : info.durationSec();
            long expected = Math.max(WIDTH, (long) Math.ceil(seconds * Math.max(1, grabber.getSampleRate())));
            PeakAccumulator accumulator = new PeakAccumulator(expected);
            Frame frame;
            long decoded = 0;
            while ((frame = grabber.grabSamples()) != null) {
                decoded += accumulate(frame, channels, accumulator);
            }
            if (decoded == 0) {
                throw new ProbeException("No audio could be decoded: the stream is empty or damaged.");
            }
            return accumulator.resampleTo(WIDTH);
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The audio could not be decoded: the file is damaged, or its audio is in a form FFmpeg cannot read.", e);
        }
    }

    private static long accumulate(Frame frame, int channels, PeakAccumulator accumulator) {
        if (frame.samples == null || frame.samples.length == 0) {
            return 0;
        }
        Buffer[] planes = frame.samples;
        boolean interleaved = planes.length == 1 && channels > 1;
        FloatBuffer first = (FloatBuffer) planes[0];
        int frames = interleaved ? first.limit() / channels : first.limit();
        for (int i = 0; i < frames; i++) {
            float peak = 0;
            if (interleaved) {
                for (int c = 0; c < channels; c++) {
                    peak = Math.max(peak, Math.abs(first.get(i * channels + c)));
                }
            } else {
                for (Buffer plane : planes) {
                    peak = Math.max(peak, Math.abs(((FloatBuffer) plane).get(i)));
                }
            }
            accumulator.add(peak);
        }
        return frames;
    }

    static BufferedImage draw(float[] peaks) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(WAVE);
        int middle = HEIGHT / 2;
        for (int x = 0; x < peaks.length; x++) {
            int half = Math.max(1, Math.round(Math.min(1f, peaks[x]) * (middle - 2)));
            g.fillRect(x, middle - half, 1, half * 2);
        }
        g.dispose();
        return image;
    }
}
