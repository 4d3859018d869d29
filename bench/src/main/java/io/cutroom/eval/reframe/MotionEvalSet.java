package io.cutroom.eval.reframe;

import static io.cutroom.eval.reframe.MotionClip.HEIGHT;
import static io.cutroom.eval.reframe.MotionClip.WIDTH;

import io.cutroom.eval.reframe.MotionShot.Placed;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reframing's evaluation by kind of motion: real subjects (people and animals cut out of real photos) over
 * real backgrounds (photos and frames of the demo videos), every kind of motion in {@link MotionKind}, cuts
 * between all of them. A seed picks the subjects, backgrounds, paths, speeds and order, so a new seed is a
 * new set of clips nobody tuned on. The pictures are in {@code assets/eval/reframe} (see CREDITS).
 */
public final class MotionEvalSet {
    /** Shots of each kind per clip. */
    static final int SHOTS_PER_KIND = 1;
    /** How far subjects stay from the frame's edges where a path keeps them in, in pixels. */
    private static final int MARGIN = 16;

    private record Picture(Path file, int w, int h) {
    }

    private final List<Picture> subjects;
    private final List<Path> backgrounds;

    private MotionEvalSet(List<Picture> subjects, List<Path> backgrounds) {
        this.subjects = subjects;
        this.backgrounds = backgrounds;
    }

    /** The pictures in {@code folder}: {@code subjects/*.jpg} and {@code backgrounds/*.jpg}. */
    public static MotionEvalSet from(Path folder) throws IOException {
        List<Picture> subjects = new ArrayList<>();
        for (Path file : jpegs(folder.resolve("subjects"))) {
            BufferedImage picture = ImageIO.read(file.toFile());
            if (picture == null) throw new IOException(file.getFileName() + " is not a picture.");
            subjects.add(new Picture(file, picture.getWidth(), picture.getHeight()));
        }
        List<Path> backgrounds = jpegs(folder.resolve("backgrounds"));
        if (subjects.size() < 2 || backgrounds.size() < 2) {
            throw new IOException("The reframing evaluation needs at least two subjects and two backgrounds in " + folder.getFileName() + ".");
        }
        return new MotionEvalSet(subjects, backgrounds);
    }

    public int subjectCount() {
        return subjects.size();
    }

    public int backgroundCount() {
        return backgrounds.size();
    }

    /** {@code clips} clips, each with every kind of motion in a seeded order, made in {@code dir}. */
    public List<MotionClip> make(Path dir, long seed, int clips) throws IOException, InterruptedException {
        Random random = new Random(seed);
        List<MotionClip> out = new ArrayList<>();
        for (int c = 0; c < clips; c++) {
            List<MotionKind> kinds = new ArrayList<>();
            for (int i = 0; i < SHOTS_PER_KIND; i++) kinds.addAll(List.of(MotionKind.values()));
            Collections.shuffle(kinds, random);
            List<MotionShot> shots = new ArrayList<>();
            Path previous = null;
            for (MotionKind kind : kinds) {
                Path background;
                do {
                    background = backgrounds.get(random.nextInt(backgrounds.size()));
                } while (background.equals(previous)); // the same background twice would be no cut
                previous = background;
                shots.add(shot(kind, background, random));
            }
            out.add(MotionClip.make(dir.resolve("motion-" + seed + "-" + c + ".mp4"), shots));
        }
        return out;
    }

    private MotionShot shot(MotionKind kind, Path background, Random random) {
        Picture s = subjects.get(random.nextInt(subjects.size()));
        double y = uniform(random, MARGIN, HEIGHT - s.h() - MARGIN);
        double x = uniform(random, MARGIN, WIDTH - s.w() - MARGIN);
        double lastX = WIDTH - s.w() - MARGIN;
        switch (kind) {
            case STILL -> {
                return new MotionShot(kind, background, uniform(random, 2.5, 4), List.of(placed(s, SubjectPath.still(x, y))));
            }
            case DRIFT -> {
                double seconds = uniform(random, 3, 5);
                double dx = sign(random) * uniform(random, 15, 35) * seconds;
                double x0 = clampStart(x, dx, MARGIN, lastX);
                return new MotionShot(kind, background, seconds, List.of(placed(s, SubjectPath.line(x0, y, x0 + dx,
                        y + uniform(random, -8, 8) * seconds, seconds))));
            }
            case SWEEP -> {
                double seconds = uniform(random, 2.5, 4);
                boolean rightwards = random.nextBoolean();
                double from = rightwards ? MARGIN : lastX, to = rightwards ? lastX : MARGIN;
                return new MotionShot(kind, background, seconds, List.of(placed(s, SubjectPath.line(from, y, to, y, seconds))));
            }
            case OSCILLATION -> {
                double period = uniform(random, 1.5, 4);
                double swing = Math.min(uniform(random, 0.3, 0.6) * WIDTH, lastX - MARGIN);
                double centre = uniform(random, MARGIN + swing / 2, lastX - swing / 2);
                double bob = Math.min(uniform(random, 0, 40), HEIGHT - s.h() - 2.0 * MARGIN);
                double yMid = Math.max(MARGIN + bob / 2, Math.min(HEIGHT - s.h() - MARGIN - bob / 2, y));
                return new MotionShot(kind, background, uniform(random, 4, 6), List.of(placed(s,
                        SubjectPath.oscillation(centre, yMid, swing, period, uniform(random, 0, 2 * Math.PI), bob))));
            }
            case STOP_START -> {
                List<double[]> legs = new ArrayList<>();
                double at = x, seconds = 0;
                for (int leg = 0; leg < 4; leg++) {
                    if (leg % 2 == 1) {
                        double pause = uniform(random, 0.6, 1.2);
                        legs.add(new double[] {pause, 0, 0});
                        seconds += pause;
                        continue;
                    }
                    double move = uniform(random, 0.5, 0.9);
                    double dx = sign(random) * uniform(random, 300, 600) * move;
                    if (at + dx < MARGIN || at + dx > lastX) dx = -dx;
                    dx = Math.max(MARGIN - at, Math.min(lastX - at, dx));
                    legs.add(new double[] {move, dx, 0});
                    at += dx;
                    seconds += move;
                }
                double still = uniform(random, 0.5, 1);
                legs.add(new double[] {still, 0, 0});
                return new MotionShot(kind, background, seconds + still, List.of(placed(s,
                        SubjectPath.legs(x, y, legs.toArray(double[][]::new)))));
            }
            case ENTER_LEAVE -> {
                double seconds = uniform(random, 3.5, 5);
                boolean rightwards = random.nextBoolean();
                double outLeft = -s.w() - 20.0, outRight = WIDTH + 20.0;
                return new MotionShot(kind, background, seconds, List.of(placed(s, rightwards
                        ? SubjectPath.line(outLeft, y, outRight, y, seconds) : SubjectPath.line(outRight, y, outLeft, y, seconds))));
            }
            case TWO_APART -> {
                Picture other;
                do {
                    other = subjects.get(random.nextInt(subjects.size()));
                } while (other == s);
                double y2 = uniform(random, MARGIN, HEIGHT - other.h() - MARGIN);
                return new MotionShot(kind, background, uniform(random, 3, 4), List.of(
                        placed(s, SubjectPath.still(uniform(random, MARGIN, 0.06 * WIDTH), y)),
                        placed(other, SubjectPath.still(uniform(random, 0.94 * WIDTH - other.w(), WIDTH - other.w() - MARGIN), y2))));
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private static Placed placed(Picture p, SubjectPath path) {
        return new Placed(p.file(), p.w(), p.h(), path);
    }

    /** A start from which a move of {@code dx} stays between {@code lo} and {@code hi}. */
    private static double clampStart(double x, double dx, double lo, double hi) {
        return Math.max(lo - Math.min(0, dx), Math.min(hi - Math.max(0, dx), x));
    }

    private static double uniform(Random random, double lo, double hi) {
        return hi <= lo ? lo : lo + (hi - lo) * random.nextDouble();
    }

    private static int sign(Random random) {
        return random.nextBoolean() ? 1 : -1;
    }

    private static List<Path> jpegs(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException("The reframing evaluation's folder " + folder.getFileName() + " is missing.");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jpg")).sorted().toList();
        }
    }
}
