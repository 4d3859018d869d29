package io.cutroom.eval.reframe;

import io.cutroom.media.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A clip whose subject's position is known at every moment, for testing and evaluating reframing: a real
 * subject picture moves over real backgrounds (a clip or a still) along straight paths, one segment per
 * shot, with a hard cut between segments. Made by the bundled ffmpeg at 1280x720, 25 fps, H.264.
 */
public record GroundTruthClip(Path file, double subjectW, double subjectH, double subjectY, List<Segment> segments) {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final int FPS = 25;

    /**
     * One shot: a background (for a clip, {@code fromSec} says where to start in it), how long it lasts, and
     * the subject's left edge at its start and end, in fractions of the frame width.
     */
    public record Segment(Path background, double fromSec, double seconds, double fromX, double toX) {
    }

    /** The subject's box {x, y, w, h} at time t, in fractions of the frame. */
    public double[] subjectAt(double t) {
        double start = 0;
        for (Segment s : segments) {
            if (t < start + s.seconds() || s == segments.get(segments.size() - 1)) {
                double f = Math.max(0, Math.min(1, (t - start) / s.seconds()));
                return new double[] {s.fromX() + (s.toX() - s.fromX()) * f, subjectY, subjectW, subjectH};
            }
            start += s.seconds();
        }
        throw new IllegalStateException("no segments");
    }

    /** Where the background changes: segments over the same background continue one shot. */
    public List<Double> cuts() {
        List<Double> cuts = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < segments.size() - 1; i++) {
            t += segments.get(i).seconds();
            if (!segments.get(i + 1).background().equals(segments.get(i).background())) {
                cuts.add(t);
            }
        }
        return cuts;
    }

    public double durationSec() {
        return segments.stream().mapToDouble(Segment::seconds).sum();
    }

    /** Makes the clip; {@code subjectSide} is the subject's square size in pixels of the 1280x720 frame. */
    public static GroundTruthClip make(Path out, Path subject, int subjectSide, double subjectY, List<Segment> segments)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y"));
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean still = s.background().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$");
            if (still) {
                cmd.addAll(List.of("-loop", "1", "-framerate", Integer.toString(FPS)));
            } else {
                cmd.addAll(List.of("-ss", fmt(s.fromSec())));
            }
            cmd.addAll(List.of("-t", fmt(s.seconds()), "-i", s.background().toString()));
        }
        cmd.addAll(List.of("-loop", "1", "-framerate", Integer.toString(FPS), "-i", subject.toString()));
        int n = segments.size();
        graph.append(String.format(Locale.ROOT, "[%d:v]scale=%d:%d,format=rgba,split=%d", n, subjectSide, subjectSide, n));
        for (int i = 0; i < n; i++) graph.append("[s").append(i).append(']');
        graph.append(';');
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            graph.append(String.format(Locale.ROOT,
                    "[%d:v]scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,fps=%d,setsar=1,trim=duration=%s,setpts=PTS-STARTPTS[b%d];"
                            + "[b%d][s%d]overlay=x='(%s+(%s)*t/%s)*%d':y=%d:eval=frame:shortest=1[v%d];",
                    i, WIDTH, HEIGHT, WIDTH, HEIGHT, FPS, fmt(s.seconds()), i, i, i, fmt(s.fromX()),
                    fmt(s.toX() - s.fromX()), fmt(s.seconds()), WIDTH, Math.round(subjectY * HEIGHT), i));
        }
        for (int i = 0; i < n; i++) graph.append("[v").append(i).append(']');
        graph.append(String.format(Locale.ROOT, "concat=n=%d:v=1:a=0,format=yuv420p[out]", n));
        cmd.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]", "-c:v", "libx264", "-preset", "veryfast",
                "-r", Integer.toString(FPS), out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 || !Files.exists(out)) {
            throw new IOException("ffmpeg could not make the ground-truth clip: " + log.strip());
        }
        return new GroundTruthClip(out, subjectSide / (double) WIDTH, subjectSide / (double) HEIGHT, subjectY, segments);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
