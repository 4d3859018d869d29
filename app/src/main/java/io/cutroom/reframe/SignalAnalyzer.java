package io.cutroom.reframe;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;

import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.Pictures;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.YuvPictureScaler;
import io.cutroom.media.render.YuvPlanes;
import io.cutroom.media.shots.CutFinder;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.vision.Detection;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.ObjectDetector;
import io.cutroom.vision.VisionModels;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Watches a clip at low resolution for what the window should keep: faces (BlazeFace) and motion three
 * times a second, people, animals and objects (CenterNet) every two seconds, held in between. FFmpeg decodes
 * every frame others refer to, but only the analysed ones are scaled and converted.
 */
public final class SignalAnalyzer {
    public static final int ANALYSIS_WIDTH = 480;
    static final int BATCH = 8;
    public static final double FRAMES_PER_SEC = 3;
    /** CenterNet is the expensive network (a tenth of a second a picture here): every two seconds says who is in the shot; faces and motion say where between. */
    public static final double OBJECTS_EVERY_SEC = 2.0;
    static final Set<String> ANIMALS = Set.of("bird", "cat", "dog", "horse", "sheep", "cow", "elephant", "bear",
            "zebra", "giraffe", "teddy bear");
    /**
     * Lower than tagging's thresholds: a missed subject costs the framing more than a weak one, whose pull is
     * scaled by its score anyway. Measured on the ground-truth clips, a 300-pixel person in a 1280-pixel
     * frame scored 0.35 as a person and 0.64 as a face.
     */
    private static final double FACE_MIN = 0.5;
    private static final double OBJECT_MIN = 0.35;
    private static final double PERSON_MIN = 0.25;
    static final double HELD_WEIGHT = 0.6;
    /** Objects covering more than this share of the picture are the setting (a table, a screen), not a subject. */
    private static final double LARGEST_OBJECT = 0.5;

    private final VisionModels models;
    private final SignalWeights weights;

    public SignalAnalyzer(VisionModels models, SignalWeights weights) {
        this.models = models;
        this.weights = weights;
    }

    /** The subjects at each analysed moment and, when asked for, the clip's shots, found in the same pass. */
    public record Analysis(ArrayList<FrameSignals> signals, ArrayList<Shot> shots) implements java.io.Serializable {
    }

    /**
     * With {@code findCuts}, the shots come from the same decoding pass (every decoded frame feeds
     * {@link CutFinder}), which saves decoding the clip a second time when its shots are not known yet.
     */
    public Analysis analyse(Path file, MediaInfo info, boolean findCuts, JobContext ctx) throws ProbeException, ModelException {
        Ffmpeg.init();
        ObjectDetector detector = models.objectsForFraming();
        List<Double> times = new ArrayList<>();
        List<BufferedImage> pictures = new ArrayList<>();
        CutFinder cuts = findCuts ? new CutFinder() : null;
        double end = decode(file, info, ctx, times, pictures, cuts);
        // CenterNet runs on every OBJECTS_EVERY_SEC-th moment, all of them batched: one picture at a time
        // costs it twice as much per picture.
        List<Integer> objectMoments = new ArrayList<>();
        double lastObjects = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) - lastObjects >= OBJECTS_EVERY_SEC - 1e-6) {
                lastObjects = times.get(i);
                objectMoments.add(i);
            }
        }
        java.util.Map<Integer, List<Detection>> objects = new java.util.HashMap<>();
        for (int from = 0; from < objectMoments.size(); from += BATCH) {
            ctx.checkCancelled();
            List<Integer> ids = objectMoments.subList(from, Math.min(objectMoments.size(), from + BATCH));
            List<List<Detection>> found = detector.detect(ids.stream().map(pictures::get).toList());
            for (int k = 0; k < ids.size(); k++) objects.put(ids.get(k), found.get(k));
            ctx.progress(from + ids.size(), objectMoments.size() + pictures.size(), "Looking for people and animals");
        }
        List<FrameSignals> out = new ArrayList<>();
        MotionFinder motion = new MotionFinder();
        List<Held> held = List.of();
        for (int from = 0; from < pictures.size(); from += BATCH) {
            ctx.checkCancelled();
            List<BufferedImage> batch = pictures.subList(from, Math.min(pictures.size(), from + BATCH));
            List<List<Detection>> faces = FaceTiles.detect(models.faces(), batch);
            for (int i = 0; i < batch.size(); i++) {
                List<Detection> seen = objects.get(from + i);
                BufferedImage before = from + i > 0 ? pictures.get(from + i - 1) : null;
                List<Subject> fresh = faceSubjects(faces.get(i), before, batch.get(i));
                held = seen != null ? anchored(objectSubjects(seen), fresh) : follow(held, fresh);
                List<Subject> subjects = new ArrayList<>();
                held.forEach(h -> subjects.add(seen != null ? h.subject() : h.subject().withImportance(
                        h.subject().importance() * HELD_WEIGHT)));
                subjects.addAll(fresh);
                motion.next(batch.get(i)).map(box -> subject(Subject.Kind.MOTION, box, 1.0)).ifPresent(subjects::add);
                out.add(new FrameSignals(times.get(from + i), subjects));
            }
            ctx.progress(objectMoments.size() + from + batch.size(), objectMoments.size() + pictures.size(), "Looking for faces");
        }
        return new Analysis(new ArrayList<>(out), cuts == null ? null : new ArrayList<>(cuts.shots(end)));
    }

    /**
     * Decodes every frame others refer to, without the deblocking filter (see ShotDetector), as the decoder's
     * own YUV pictures; swscale makes the small grey copy for cuts and, at the analysed moments, the RGB picture.
     * Returns where the clip ended.
     */
    private double decode(Path file, MediaInfo info, JobContext ctx, List<Double> times, List<BufferedImage> pictures,
                          CutFinder cuts) throws ProbeException {
        double step = 1 / FRAMES_PER_SEC;
        double frame = 1 / (info.fps() == null || info.fps() <= 0 ? 25 : info.fps());
        int width = ANALYSIS_WIDTH;
        int height = evenHeight(info, width);
        int greyWidth = ShotDetector.ANALYSIS_WIDTH;
        int greyHeight = evenHeight(info, greyWidth);
        double end = info.durationSec() == null ? 0 : info.durationSec();
        long expectedMs = Math.max(1, Math.round(end * 1000));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             YuvPictureScaler toPicture = new YuvPictureScaler(width, height, AV_PIX_FMT_BGR24, 3, SWS_BILINEAR);
             YuvPictureScaler toGrey = new YuvPictureScaler(greyWidth, greyHeight, AV_PIX_FMT_GRAY8, 1, SWS_AREA)) {
            // 4:2:0 is what cameras and delivery files carry: the decoder's pictures come through untouched.
            // Other formats are converted to it by JavaCV first, which costs more but reads the same.
            grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
            grabber.setVideoOption("threads", "auto");
            grabber.setVideoOption("skip_loop_filter", "all");
            grabber.setVideoOption("skip_frame", "noref"); // analysed moments need not be exact to the frame
            grabber.start();
            byte[] grey = new byte[greyWidth * greyHeight];
            double next = 0;
            double position = Double.NEGATIVE_INFINITY;
            while (true) {
                ctx.checkCancelled();
                boolean wanted = position + 1.5 * frame >= next;
                Frame f = grabber.grabFrame(false, true, wanted || cuts != null, false, false);
                if (f == null) break;
                position = f.timestamp / 1e6;
                if (f.image == null) continue;
                YuvPlanes planes = null;
                if (cuts != null) {
                    planes = YuvPlanes.of(f);
                    cuts.accept(position, toGrey.scale(planes, f.imageWidth, f.imageHeight, grey));
                }
                if (wanted && position >= next - frame) {
                    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                    toPicture.scale(planes != null ? planes : YuvPlanes.of(f), f.imageWidth, f.imageHeight,
                            ((java.awt.image.DataBufferByte) picture.getRaster().getDataBuffer()).getData());
                    times.add(position);
                    pictures.add(Pictures.rotate(picture, info.rotationCw()));
                    next = position + step;
                }
                end = Math.max(end, position);
                ctx.progress(Math.min(expectedMs, Math.round(position * 1000)), expectedMs,
                        cuts != null ? "Finding cuts and subjects" : "Reading the clip");
            }
        } catch (FrameGrabber.Exception e) {
            throw new ProbeException("The video could not be decoded for reframing: " + e.getMessage(), e);
        }
        return end;
    }

    private static int evenHeight(MediaInfo info, int width) {
        return Math.max(2, (int) Math.round(width * info.height() / (double) info.width()) & ~1);
    }

    /**
     * A CenterNet box held until the next run. A person box remembers the face inside it (NaN when none),
     * so that between runs it moves with that face instead of staying where the person was.
     */
    private record Held(Subject subject, double faceX, double faceY) {
        boolean hasFace() {
            return !Double.isNaN(faceX);
        }
    }

    /** Each person box takes the face whose centre lies inside it, the largest when several do. */
    private static List<Held> anchored(List<Subject> found, List<Subject> faces) {
        List<Held> out = new ArrayList<>();
        for (Subject s : found) {
            Subject face = s.kind() != Subject.Kind.PERSON ? null : faces.stream().filter(f -> inside(f, s))
                    .max(java.util.Comparator.comparingDouble(f -> f.w() * f.h())).orElse(null);
            out.add(new Held(s, face == null ? Double.NaN : face.centerX(), face == null ? Double.NaN : face.centerY()));
        }
        return out;
    }

    /**
     * Between CenterNet runs, a person box with a face follows the nearest face of this moment (within half
     * the box's width), shifted by as much as the face moved. A person with faces in view but none inside
     * or near its box has moved on (the faces say where people are now), so it is let go.
     */
    private static List<Held> follow(List<Held> held, List<Subject> faces) {
        List<Held> out = new ArrayList<>();
        for (Held h : held) {
            Subject s = h.subject();
            if (s.kind() == Subject.Kind.PERSON && h.hasFace()) {
                Subject nearest = faces.stream().min(java.util.Comparator.comparingDouble(
                        f -> Math.hypot(f.centerX() - h.faceX(), f.centerY() - h.faceY()))).orElse(null);
                if (nearest != null && Math.hypot(nearest.centerX() - h.faceX(), nearest.centerY() - h.faceY()) <= s.w() / 2) {
                    double dx = nearest.centerX() - h.faceX();
                    double dy = nearest.centerY() - h.faceY();
                    Subject moved = new Subject(s.kind(), clamp(s.x() + dx, s.w()), clamp(s.y() + dy, s.h()), s.w(), s.h(),
                            s.importance());
                    out.add(new Held(moved, nearest.centerX(), nearest.centerY()));
                    continue;
                }
            }
            boolean faceInside = faces.stream().anyMatch(f -> inside(f, s));
            if (s.kind() == Subject.Kind.PERSON && !faces.isEmpty() && !faceInside) continue;
            out.add(h);
        }
        return out;
    }

    private static boolean inside(Subject face, Subject box) {
        return face.centerX() >= box.x() && face.centerX() <= box.x() + box.w()
                && face.centerY() >= box.y() && face.centerY() <= box.y() + box.h();
    }

    /** Keeps a moved box's corner where the whole box stays in the picture. */
    private static double clamp(double corner, double size) {
        return Math.max(0, Math.min(1 - size, corner));
    }

    private List<Subject> objectSubjects(List<Detection> found) {
        List<Subject> out = new ArrayList<>();
        for (Detection d : found) {
            if (d.label().equals("person") && d.score() >= PERSON_MIN) {
                out.add(subject(Subject.Kind.PERSON, d, d.score()));
            } else if (ANIMALS.contains(d.label()) && d.score() >= OBJECT_MIN) {
                out.add(subject(Subject.Kind.ANIMAL, d, d.score()));
            } else if (d.score() >= OBJECT_MIN && d.area() <= LARGEST_OBJECT) {
                out.add(subject(Subject.Kind.OBJECT, d, d.score()));
            }
        }
        return out;
    }

    /**
     * A face box is the face alone; framing a person keeps the head and shoulders, so the box grows to about
     * three face widths and down to the chest. A face that is talking counts for more (see SpeakingMotion).
     */
    private List<Subject> faceSubjects(List<Detection> found, BufferedImage before, BufferedImage now) {
        List<Subject> out = new ArrayList<>();
        for (Detection d : found) {
            if (d.score() >= FACE_MIN) {
                float left = Math.max(0, d.x() - d.width()), right = Math.min(1, d.x() + 2 * d.width());
                float top = Math.max(0, d.y() - 0.4f * d.height()), bottom = Math.min(1, d.y() + 2.5f * d.height());
                Detection shoulders = new Detection(d.label(), d.score(), left, top, right - left, bottom - top);
                Subject face = subject(Subject.Kind.FACE, shoulders, d.score());
                out.add(face.withImportance(SpeakingMotion.boosted(face.importance(), SpeakingMotion.score(before, now, d))));
            }
        }
        return out;
    }

    /**
     * Importance: the kind's weight times the detector's confidence, more for bigger subjects (a close face
     * is the one speaking to camera) and a little more near the centre, where the camera operator put them.
     */
    private Subject subject(Subject.Kind kind, Detection box, double score) {
        double size = Math.min(1, Math.sqrt(box.area()) / 0.5);
        double centrality = 1 - Math.min(1, Math.abs(box.x() + box.width() / 2 - 0.5) * 2);
        double importance = weights.of(kind) * score * (0.6 + 0.4 * size) * (0.8 + 0.2 * centrality);
        return new Subject(kind, box.x(), box.y(), box.width(), box.height(), importance);
    }
}
