package io.cutroom.eval.reframe;

import io.cutroom.media.Ffmpeg;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A generated clip whose subjects' boxes are known in every frame: each shot draws real subject pictures
 * over a real still background along exact paths, frame by frame, and the bundled ffmpeg encodes the frames
 * (1280x720, 25 fps, H.264). Shots follow each other with hard cuts. A subject may be partly or wholly
 * outside the frame; its ground truth is the part that is in it.
 */
public final class MotionClip {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final int FPS = 25;

    /** One frame's truth: the shot it belongs to, and the visible subject boxes {x, y, w, h} in fractions. */
    public record Frame(int shot, MotionKind kind, List<double[]> boxes) {
        /** The smallest box holding every visible subject, or null when none is in view. */
        public double[] union() {
            if (boxes.isEmpty()) return null;
            double l = 1, t = 1, r = 0, b = 0;
            for (double[] box : boxes) {
                l = Math.min(l, box[0]);
                t = Math.min(t, box[1]);
                r = Math.max(r, box[0] + box[2]);
                b = Math.max(b, box[1] + box[3]);
            }
            return new double[] {l, t, r - l, b - t};
        }
    }

    private final Path file;
    private final List<MotionShot> shots;
    private final List<Frame> frames;

    private MotionClip(Path file, List<MotionShot> shots, List<Frame> frames) {
        this.file = file;
        this.shots = List.copyOf(shots);
        this.frames = List.copyOf(frames);
    }

    public Path file() {
        return file;
    }

    public List<MotionShot> shots() {
        return shots;
    }

    /** The truth of frame k, shown at k / {@link #FPS} seconds. */
    public List<Frame> frames() {
        return frames;
    }

    /** Where each shot after the first starts, in seconds. */
    public List<Double> cuts() {
        List<Double> cuts = new ArrayList<>();
        int frame = 0;
        for (int i = 0; i < shots.size() - 1; i++) {
            frame += frameCount(shots.get(i));
            cuts.add(frame / (double) FPS);
        }
        return cuts;
    }

    static int frameCount(MotionShot shot) {
        return (int) Math.round(shot.seconds() * FPS);
    }

    /** Draws and encodes the shots into {@code out}. */
    public static MotionClip make(Path out, List<MotionShot> shots) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-v", "error", "-nostdin", "-y",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", WIDTH + "x" + HEIGHT, "-r", Integer.toString(FPS), "-i", "-",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<Frame> truth = new ArrayList<>();
        Map<Path, BufferedImage> pictures = new HashMap<>();
        BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bytes = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        try (OutputStream pipe = ffmpeg.getOutputStream()) {
            for (int s = 0; s < shots.size(); s++) {
                MotionShot shot = shots.get(s);
                BufferedImage background = load(pictures, shot.background());
                for (int k = 0; k < frameCount(shot); k++) {
                    double t = k / (double) FPS;
                    Graphics2D g = canvas.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(background, 0, 0, WIDTH, HEIGHT, null);
                    List<double[]> boxes = new ArrayList<>();
                    for (MotionShot.Placed p : shot.subjects()) {
                        double[] at = p.path().at(t);
                        int x = (int) Math.round(at[0]);
                        int y = (int) Math.round(at[1]);
                        g.drawImage(load(pictures, p.picture()), x, y, p.w(), p.h(), null);
                        double[] visible = visible(x, y, p.w(), p.h());
                        if (visible != null) boxes.add(visible);
                    }
                    g.dispose();
                    pipe.write(bytes);
                    truth.add(new Frame(s, shot.kind(), boxes));
                }
            }
        } catch (IOException e) {
            ffmpeg.destroyForcibly();
            throw new IOException("ffmpeg stopped taking the generated frames of " + out.getFileName() + ".", e);
        }
        if (ffmpeg.waitFor() != 0 || !Files.exists(out)) {
            throw new IOException("ffmpeg could not encode the generated clip " + out.getFileName() + ".");
        }
        return new MotionClip(out, shots, truth);
    }

    /** The part of a box in pixels that lies in the frame, in fractions; null when none does. */
    private static double[] visible(int x, int y, int w, int h) {
        int l = Math.max(0, x), t = Math.max(0, y), r = Math.min(WIDTH, x + w), b = Math.min(HEIGHT, y + h);
        if (r <= l || b <= t) return null;
        return new double[] {l / (double) WIDTH, t / (double) HEIGHT, (r - l) / (double) WIDTH, (b - t) / (double) HEIGHT};
    }

    private static BufferedImage load(Map<Path, BufferedImage> cache, Path file) throws IOException {
        BufferedImage picture = cache.get(file);
        if (picture == null) {
            picture = ImageIO.read(file.toFile());
            if (picture == null) throw new IOException(file.getFileName() + " is not a picture ImageIO can read.");
            cache.put(file, picture);
        }
        return picture;
    }
}
