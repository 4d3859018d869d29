package io.cutroom.reframe;


import io.cutroom.jobs.JobContext;
import io.cutroom.media.AnalysisDecoder;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.ProbeException;
import io.cutroom.media.shots.CutFinder;
import io.cutroom.media.shots.Shot;
import io.cutroom.vision.Detection;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.VisionModels;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Watches a clip at low resolution for what the window should keep: faces (BlazeFace) and motion three
 * times a second, people, animals and objects (CenterNet) every two seconds, held in between. The pictures
 * come from {@link AnalysisDecoder}, a group at a time.
 */
public final class SignalAnalyzer {
    public static final int ANALYSIS_WIDTH = 480;
    static final int BATCH = 8;
    /** Moments analysed together (eight seconds at three a second), with their four CenterNet runs batched. */
    static final int GROUP = 24;
    public static final double FRAMES_PER_SEC = 3;
    /** CenterNet is the expensive network: every two seconds says who is in the shot; faces and motion say where between. */
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
    public record Analysis(ArrayList<FrameSignals> signals, ArrayList<Shot> shots) implements Serializable {
    }

    /**
     * With {@code findCuts}, the shots come from the same decoding pass (every decoded frame feeds
     * {@link CutFinder}), which saves decoding the clip a second time when its shots are not known yet.
     */
    public Analysis analyse(Path file, MediaInfo info, boolean findCuts, JobContext ctx) throws ProbeException, ModelException {
        Ffmpeg.init();
        CutFinder cuts = findCuts ? new CutFinder() : null;
        List<FrameSignals> out = new ArrayList<>();
        MotionFinder motion = new MotionFinder();
        List<Held> held = List.of();
        BufferedImage before = null;
        double lastObjects = Double.NEGATIVE_INFINITY;
        boolean personSeen = false;
        FaceSchedule faceSchedule = new FaceSchedule(models.framingFaces(), FACE_MIN);
        try (AnalysisDecoder moments = new AnalysisDecoder(file, info, ANALYSIS_WIDTH,
                AnalysisDecoder.evenHeight(info, ANALYSIS_WIDTH), FRAMES_PER_SEC, cuts, false,
                findCuts ? "Finding cuts and subjects" : "Finding subjects")) {
            List<AnalysisDecoder.Moment> group;
            while (!(group = moments.next(GROUP, ctx)).isEmpty()) {
                // CenterNet runs on every OBJECTS_EVERY_SEC-th moment, those of a group batched together: one
                // picture at a time costs it more per picture.
                List<Integer> objectMoments = new ArrayList<>();
                for (int i = 0; i < group.size(); i++) {
                    if (group.get(i).t() - lastObjects >= OBJECTS_EVERY_SEC - 1e-6) {
                        lastObjects = group.get(i).t();
                        objectMoments.add(i);
                    }
                }
                List<Double> times = group.stream().map(AnalysisDecoder.Moment::t).toList();
                List<BufferedImage> pictures = group.stream().map(AnalysisDecoder.Moment::picture).toList();
                List<List<Detection>> found = objectMoments.isEmpty() ? List.of()
                        : models.objectsFor(pictures.get(0), VisionModels.FRAMING_OBJECT_SIZE)
                                .detect(objectMoments.stream().map(pictures::get).toList());
                ctx.checkCancelled();
                boolean[] personNear = nearPeople(group.size(), objectMoments, found, personSeen);
                if (!found.isEmpty()) personSeen = hasPerson(found.get(found.size() - 1));
                List<List<Detection>> faces = faceSchedule.detect(times, pictures, personNear);
                for (int i = 0; i < group.size(); i++) {
                    int at = objectMoments.indexOf(i);
                    List<Detection> seen = at < 0 ? null : found.get(at);
                    List<Subject> fresh = faceSubjects(faces.get(i), before, pictures.get(i));
                    held = seen != null ? anchored(objectSubjects(seen), fresh) : follow(held, fresh);
                    List<Subject> subjects = new ArrayList<>();
                    held.forEach(h -> subjects.add(seen != null ? h.subject() : h.subject().withImportance(
                            h.subject().importance() * HELD_WEIGHT)));
                    subjects.addAll(fresh);
                    motion.next(pictures.get(i)).map(box -> subject(Subject.Kind.MOTION, box, 1.0)).ifPresent(subjects::add);
                    out.add(new FrameSignals(times.get(i), subjects));
                    before = pictures.get(i);
                }
            }
            return new Analysis(new ArrayList<>(out), cuts == null ? null : new ArrayList<>(cuts.shots(moments.end())));
        }
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
                    .max(Comparator.comparingDouble(f -> f.w() * f.h())).orElse(null);
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
                Subject nearest = faces.stream().min(Comparator.comparingDouble(
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

    /**
     * Per moment of a group, whether the CenterNet run before it ({@code seenBefore} when that run was in the
     * group before) or the one after it saw a person.
     */
    private static boolean[] nearPeople(int moments, List<Integer> runs, List<List<Detection>> found, boolean seenBefore) {
        boolean[] near = new boolean[moments];
        boolean before = seenBefore;
        for (int i = 0; i < moments; i++) {
            int at = runs.indexOf(i);
            if (at >= 0) before = hasPerson(found.get(at));
            near[i] = before;
        }
        boolean after = false;
        for (int i = moments - 1; i >= 0; i--) {
            int at = runs.indexOf(i);
            if (at >= 0) after = hasPerson(found.get(at));
            near[i] |= after;
        }
        return near;
    }

    private static boolean hasPerson(List<Detection> found) {
        return found.stream().anyMatch(d -> d.label().equals("person") && d.score() >= PERSON_MIN);
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
