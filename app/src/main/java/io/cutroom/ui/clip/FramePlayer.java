package io.cutroom.ui.clip;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays any format FFmpeg decodes (WebM, MKV, AVI, FLAC...) by decoding on its own thread. Sound goes
 * to the default output and is the clock; pictures wait for it. Without a sound device, the wall clock leads.
 */
final class FramePlayer implements Player {
    private static final Logger LOG = LoggerFactory.getLogger(FramePlayer.class);
    private static final int MAX_PREVIEW_WIDTH = 960;

    private final Path file;
    private final int width;
    private final int height;
    private final ImageView view = new ImageView();
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper();
    private final Runnable onError;
    private volatile Thread decoder;
    private volatile boolean playing;
    private volatile double startAt;

    FramePlayer(Path file, Integer codedWidth, Integer codedHeight, Runnable onError) {
        this.file = file;
        this.onError = onError;
        double scale = codedWidth == null ? 1 : Math.min(1.0, MAX_PREVIEW_WIDTH / (double) codedWidth);
        this.width = codedWidth == null ? 0 : Math.max(2, (int) Math.round(codedWidth * scale) & ~1);
        this.height = codedHeight == null ? 0 : Math.max(2, (int) Math.round(codedHeight * scale) & ~1);
        view.setPreserveRatio(true);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public synchronized void play() {
        if (playing) {
            return;
        }
        playing = true;
        decoder = new Thread(() -> decode(false), "cutroom-preview");
        decoder.setDaemon(true);
        decoder.start();
    }

    @Override
    public synchronized void pause() {
        playing = false;
        startAt = position.get();
    }

    @Override
    public boolean isPlaying() {
        return playing;
    }

    @Override
    public ReadOnlyDoubleProperty position() {
        return position.getReadOnlyProperty();
    }

    @Override
    public synchronized void seek(double seconds) {
        boolean wasPlaying = playing;
        pause();
        startAt = seconds;
        position.set(seconds);
        if (wasPlaying) {
            awaitDecoder();
            play();
        } else if (width > 0) {
            showFirstFrame();
        }
    }

    @Override
    public void dispose() {
        pause();
    }

    private void showFirstFrame() {
        Thread t = new Thread(() -> decode(true), "cutroom-preview-still");
        t.setDaemon(true);
        t.start();
    }

    private void awaitDecoder() {
        Thread running = decoder;
        if (running != null) {
            try {
                running.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void decode(boolean oneFrame) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_RGB24);
            if (width > 0) {
                grabber.setImageWidth(width);
                grabber.setImageHeight(height);
            }
            grabber.setSampleFormat(AV_SAMPLE_FMT_S16);
            grabber.start();
            if (startAt > 0) {
                grabber.setTimestamp(Math.round(startAt * 1_000_000));
            }
            if (oneFrame) {
                Frame frame = grabber.grabImage();
                if (frame != null) {
                    show(frame);
                }
                return;
            }
            SourceDataLine line = openLine(grabber);
            long wallStart = System.nanoTime();
            double origin = startAt;
            Frame frame;
            while (playing && (frame = grabber.grab()) != null) {
                double t = frame.timestamp / 1e6;
                if (frame.samples != null && line != null) {
                    writeSamples(line, (ShortBuffer) frame.samples[0]);
                } else if (frame.image != null) {
                    double clock = line != null ? origin + line.getMicrosecondPosition() / 1e6
                            : origin + (System.nanoTime() - wallStart) / 1e9;
                    long waitMs = Math.round((t - clock) * 1000);
                    if (waitMs > 0) {
                        Thread.sleep(Math.min(waitMs, 500));
                    }
                    show(frame);
                }
                Platform.runLater(() -> position.set(t));
            }
            if (line != null) {
                line.drain();
                line.close();
            }
            if (playing) {
                playing = false;
                startAt = 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Preview of {} stopped", file, e);
            playing = false;
            Platform.runLater(onError);
        }
    }

    private static SourceDataLine openLine(FFmpegFrameGrabber grabber) {
        if (grabber.getAudioChannels() <= 0 || grabber.getAudioChannels() > 2) {
            return null;
        }
        AudioFormat format = new AudioFormat(grabber.getSampleRate(), 16, grabber.getAudioChannels(), true, false);
        try {
            SourceDataLine line = AudioSystem.getSourceDataLine(format);
            line.open(format);
            line.start();
            return line;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return null; // no sound device: pictures still play, paced by the wall clock
        }
    }

    private static void writeSamples(SourceDataLine line, ShortBuffer samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.remaining() * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(samples.duplicate());
        line.write(bytes.array(), 0, bytes.capacity());
    }

    private void show(Frame frame) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int stride = frame.imageStride;
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        byte[] copy = new byte[stride * h];
        pixels.duplicate().rewind().get(copy, 0, Math.min(copy.length, pixels.capacity()));
        Platform.runLater(() -> {
            WritableImage image = view.getImage() instanceof WritableImage wi && wi.getWidth() == w && wi.getHeight() == h
                    ? wi : new WritableImage(w, h);
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteRgbInstance(), copy, 0, stride);
            view.setImage(image);
        });
    }
}
