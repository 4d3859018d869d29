package io.cutroom.reframe;


import io.cutroom.jobs.JobContext;
import io.cutroom.media.AnalysisDecoder;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.GreyFrame;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    /** Width of the grey copy of every frame on which subjects are followed between the moments. */
    static final int TRACKING_WIDTH = 192;
    /** A tracker matching worse than this has lost its subject, which is then let go. */
    static final double LOST_QUALITY = 0.35;
    /** A tracked subject CenterNet did not find again is kept this long after it last did, if still matched this well. */
    static final double UNCONFIRMED_SEC = 4.5;
    static final double KEPT_QUALITY = 0.6;
    /** A subject found again at less than this share of the importance it was seen with is doubted (see anchored). */
    static final double DOUBTED_SHARE = 0.6;
    /** A subject found again with a box this many times its area is doubted too. */
    static final double GROWN_AREA = 2.0;
    /**
     * A face box grows to head and shoulders (see faceSubjects): this many face widths to each side, face heights
     * above its top, and face heights below its top, down to the chest.
     */
    static final float SHOULDERS_WIDE = 1f;
    static final float HEAD_ROOM = 0.4f;
    static final float DOWN_TO_CHEST = 2.5f;
    /** So a face's middle lies this share of the way down its head-and-shoulders box. */
    static final double FACE_DOWN_SHARE = (HEAD_ROOM + 0.5) / (HEAD_ROOM + DOWN_TO_CHEST);
    /** Boxes overlapping this much are the same subject. */
    static final double SAME_SUBJECT_OVERLAP = 0.3;
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
    /** The least animal score taken as evidence, and how much two animal boxes overlap to be one animal. */
    static final double ANIMAL_EVIDENCE = 0.1;
    static final double SAME_ANIMAL_OVERLAP = 0.6;
    /** Objects covering more than this share of the picture are the setting (a table, a screen), not a subject. */
    private static final double LARGEST_OBJECT = 0.5;

    private final VisionModels models;
    private final SignalWeights weights;

    public SignalAnalyzer(VisionModels models, SignalWeights weights) {
        this.models = models;
        this.weights = weights;
    }

    /**
     * The subjects at each analysed moment and, when asked for, the clip's shots, found in the same pass;
     * {@code trackingSec} is the time spent following subjects and motion between the detectors' looks, and
     * {@code closerLooks} the pictures looked at again at full size ({@link CloserLook}), which took {@code closerSec}.
     */
    public record Analysis(ArrayList<FrameSignals> signals, ArrayList<Shot> shots, double trackingSec, int closerLooks,
                           double closerSec) implements Serializable {
    }

    /**
     * The trackers let go at each cut and CenterNet looks at the first moment of each shot, so the analysis
     * needs the cuts: {@code knownShots} when the clip's shots are stored, otherwise found in the same decoding
     * pass (every decoded frame feeds {@link CutFinder}) and handed back, which saves decoding the clip a
     * second time.
     */
    public Analysis analyse(Path file, MediaInfo info, List<Shot> knownShots, JobContext ctx)
            throws ProbeException, ModelException {
        Ffmpeg.init();
        boolean findCuts = knownShots == null;
        CutFinder cuts = findCuts ? new CutFinder() : null;
        double[] knownStarts = findCuts ? new double[0]
                : knownShots.stream().mapToDouble(Shot::startSec).filter(t -> t > 0).sorted().toArray();
        double lastFrame = Double.NEGATIVE_INFINITY;
        List<FrameSignals> out = new ArrayList<>();
        // Frame to frame, what moves is the subject itself plus a frame's travel: that says where something no
        // detector has named yet is, such as an animal coming into view.
        MotionFinder frameMotion = new MotionFinder();
        long trackingNanos = 0;
        List<HeldSubject> held = List.of();
        List<HeldSubject> faceTracks = List.of();
        BufferedImage before = null;
        double lastObjects = Double.NEGATIVE_INFINITY;
        boolean personSeen = false;
        FaceSchedule faceSchedule = new FaceSchedule(models.framingFaces(), FACE_MIN);
        CloserLook closerLook = new CloserLook(models);
        try (AnalysisDecoder moments = new AnalysisDecoder(file, info, ANALYSIS_WIDTH,
                AnalysisDecoder.evenHeight(info, ANALYSIS_WIDTH), FRAMES_PER_SEC, cuts, false,
                findCuts ? "Finding cuts and subjects" : "Finding subjects").withTrackingFrames(TRACKING_WIDTH)) {
            List<AnalysisDecoder.Moment> group;
            while (!(group = moments.next(GROUP, ctx)).isEmpty()) {
                // CenterNet runs on every OBJECTS_EVERY_SEC-th moment, those of a group batched together: one
                // picture at a time costs it more per picture.
                List<Integer> objectMoments = new ArrayList<>();
                List<Boolean> runStartsShot = new ArrayList<>();
                double previous = lastFrame;
                for (int i = 0; i < group.size(); i++) {
                    boolean newShot = false;
                    for (GreyFrame frame : group.get(i).frames()) {
                        newShot |= startsShot(frame, previous, knownStarts);
                        previous = frame.t();
                    }
                    if (newShot || group.get(i).t() - lastObjects >= OBJECTS_EVERY_SEC - 1e-6) {
                        lastObjects = group.get(i).t();
                        objectMoments.add(i);
                        runStartsShot.add(newShot);
                    }
                }
                List<Double> times = group.stream().map(AnalysisDecoder.Moment::t).toList();
                List<BufferedImage> pictures = group.stream().map(AnalysisDecoder.Moment::picture).toList();
                List<BufferedImage> runPictures = objectMoments.stream().map(pictures::get).toList();
                List<List<Detection>> found = objectMoments.isEmpty() ? List.of()
                        : closerLook.add(models.objectsFor(pictures.get(0), VisionModels.FRAMING_OBJECT_SIZE)
                                .detect(runPictures), runPictures, objectMoments.stream().map(times::get).toList(),
                                runStartsShot);
                ctx.checkCancelled();
                boolean[] personNear = nearPeople(group.size(), objectMoments, found, personSeen);
                if (!found.isEmpty()) personSeen = hasPerson(found.get(found.size() - 1));
                List<List<Detection>> faces = faceSchedule.detect(times, pictures, personNear);
                for (int i = 0; i < group.size(); i++) {
                    List<GreyFrame> frames = group.get(i).frames();
                    Optional<Subject> moving = Optional.empty();
                    // Between the moments, every decoded frame: the subjects seen last, followed by their trackers.
                    long trackingStart = System.nanoTime();
                    for (int k = 0; k < frames.size(); k++) {
                        GreyFrame frame = frames.get(k);
                        boolean cut = startsShot(frame, lastFrame, knownStarts);
                        lastFrame = frame.t();
                        if (cut) {
                            held = List.of(); // the subjects of the shot before are not in this one
                            faceTracks = List.of();
                        }
                        held = HeldSubject.advanced(held, frame, LOST_QUALITY);
                        faceTracks = HeldSubject.advanced(faceTracks, frame, LOST_QUALITY);
                        moving = frameMotion.next(frame).map(box -> subject(Subject.Kind.MOTION, box, 1.0));
                        if (k < frames.size() - 1) {
                            List<Subject> between = tracked(held, faceTracks);
                            moving.ifPresent(between::add);
                            out.add(new FrameSignals(frame.t(), between, true));
                        }
                    }
                    trackingNanos += System.nanoTime() - trackingStart;
                    GreyFrame now = frames.isEmpty() ? null : frames.get(frames.size() - 1);
                    int at = objectMoments.indexOf(i);
                    List<Detection> seen = at < 0 ? null : found.get(at);
                    List<Detection> looked = faces.get(i);
                    List<Subject> fresh;
                    if (looked != null) {
                        fresh = faceSubjects(looked, before, pictures.get(i));
                        faceTracks = fresh.stream().map(f -> HeldSubject.of(f, now)).toList();
                    } else {
                        fresh = tracked(List.of(), faceTracks); // BlazeFace did not look: the trackers say where
                    }
                    held = seen != null ? anchored(objectSubjects(seen), fresh, now, held) : follow(held, fresh, now);
                    List<Subject> subjects = new ArrayList<>();
                    for (HeldSubject h : held) {
                        subjects.add(seen != null && h.seenAt() == times.get(i) ? h.subject() : h.subject().withImportance(
                                h.subject().importance() * HELD_WEIGHT * h.quality()));
                    }
                    subjects.addAll(withoutAnimalFaces(fresh, held));
                    moving.ifPresent(subjects::add);
                    out.add(new FrameSignals(times.get(i), subjects));
                    before = pictures.get(i);
                }
            }
            return new Analysis(new ArrayList<>(out), findCuts ? new ArrayList<>(cuts.shots(moments.end())) : null,
                    trackingNanos / 1e9, closerLook.looks(), closerLook.seconds());
        }
    }

    /** Whether a new shot starts on {@code frame}: a cut found on it, or a known one since the frame before. */
    private static boolean startsShot(GreyFrame frame, double previousFrame, double[] knownStarts) {
        if (frame.cut()) return true;
        int at = Arrays.binarySearch(knownStarts, frame.t());
        int next = at >= 0 ? at : -at - 1; // the first known start at or after the frame
        boolean onFrame = at >= 0;
        return onFrame || (next > 0 && knownStarts[next - 1] > previousFrame);
    }

    /** The subjects between moments: held boxes at their weight, faces at theirs, each times its tracker's match. */
    private static List<Subject> tracked(List<HeldSubject> held, List<HeldSubject> faces) {
        List<Subject> out = new ArrayList<>();
        for (HeldSubject h : held) {
            if (h.isTracked()) out.add(h.subject().withImportance(h.seenImportance() * HELD_WEIGHT * h.quality()));
        }
        List<Subject> faceBoxes = new ArrayList<>();
        for (HeldSubject f : faces) {
            if (f.isTracked()) faceBoxes.add(f.subject().withImportance(f.seenImportance() * f.quality()));
        }
        out.addAll(withoutAnimalFaces(faceBoxes, held));
        return out;
    }

    /**
     * BlazeFace also answers to the faces of animals: a cow's head, grown to the head and shoulders of a person,
     * outweighed the cow itself and pulled the window off it. A face whose middle lies on an animal and on no
     * person is that animal's, which its own box already keeps in the window.
     */
    static List<Subject> withoutAnimalFaces(List<Subject> faces, List<HeldSubject> held) {
        if (held.stream().noneMatch(h -> h.subject().kind() == Subject.Kind.ANIMAL)) return faces;
        List<Subject> out = new ArrayList<>();
        for (Subject f : faces) {
            double x = f.centerX(), y = f.y() + FACE_DOWN_SHARE * f.h();
            boolean onAnimal = held.stream().anyMatch(h -> h.subject().kind() == Subject.Kind.ANIMAL && contains(h.subject(), x, y));
            boolean onPerson = held.stream().anyMatch(h -> h.subject().kind() == Subject.Kind.PERSON && contains(h.subject(), x, y));
            if (!onAnimal || onPerson) out.add(f);
        }
        return out;
    }

    /** Each person box takes the face whose centre lies inside it, the largest when several do. */
    private static List<HeldSubject> anchored(List<Subject> found, List<Subject> faces, GreyFrame frame,
                                              List<HeldSubject> before) {
        List<HeldSubject> out = new ArrayList<>();
        List<Subject> doubted = new ArrayList<>();
        // A subject CenterNet missed this time (turned, blurred, small) that its tracker still follows well is
        // kept, at the held weight, for a while: one missed look should not lose it. So is one CenterNet finds
        // again far less surely than before, or with a box grown to twice its area over its surroundings (a still
        // cat boxed 330 pixels wide, then 680): the tracker, still matching it well, knows better where it is.
        for (HeldSubject h : before) {
            Subject now = h.subject();
            List<Subject> again = found.stream().filter(s -> s.overlap(now) >= SAME_SUBJECT_OVERLAP).toList();
            double area = now.w() * now.h();
            boolean doubtful = !again.isEmpty() && again.stream().allMatch(s -> s.importance() < DOUBTED_SHARE * h.seenImportance()
                    || s.w() * s.h() > GROWN_AREA * area);
            boolean recent = frame != null && frame.t() - h.seenAt() <= UNCONFIRMED_SEC;
            if ((again.isEmpty() || doubtful) && recent && h.isTracked() && h.quality() >= KEPT_QUALITY) {
                out.add(h);
                doubted.addAll(again);
            }
        }
        for (Subject s : found) {
            if (doubted.contains(s)) continue;
            Subject face = s.kind() != Subject.Kind.PERSON ? null : faces.stream().filter(f -> inside(f, s))
                    .max(Comparator.comparingDouble(f -> f.w() * f.h())).orElse(null);
            out.add(new HeldSubject(s, face == null ? Double.NaN : face.centerX(), face == null ? Double.NaN : face.centerY(),
                    frame));
        }
        return out;
    }

    /**
     * Between CenterNet runs, a person box with a face follows the nearest face of this moment (within half
     * the box's width), shifted by as much as the face moved. A person with faces in view but none inside
     * or near its box has moved on (the faces say where people are now), so it is let go.
     */
    private static List<HeldSubject> follow(List<HeldSubject> held, List<Subject> faces, GreyFrame frame) {
        List<HeldSubject> out = new ArrayList<>();
        for (HeldSubject h : held) {
            Subject s = h.subject();
            if (s.kind() == Subject.Kind.PERSON && h.hasFace()) {
                Subject nearest = faces.stream().min(Comparator.comparingDouble(
                        f -> Math.hypot(f.centerX() - h.faceX(), f.centerY() - h.faceY()))).orElse(null);
                if (nearest != null && Math.hypot(nearest.centerX() - h.faceX(), nearest.centerY() - h.faceY()) <= s.w() / 2) {
                    double dx = nearest.centerX() - h.faceX();
                    double dy = nearest.centerY() - h.faceY();
                    Subject moved = s.at(clamp(s.x() + dx, s.w()), clamp(s.y() + dy, s.h()), s.w(), s.h());
                    out.add(new HeldSubject(moved, nearest.centerX(), nearest.centerY(), frame));
                    continue;
                }
            }
            boolean faceInside = faces.stream().anyMatch(f -> inside(f, s));
            if (s.kind() == Subject.Kind.PERSON && !faces.isEmpty() && !faceInside) continue;
            out.add(h);
        }
        return out;
    }

    /** Whether {@code s}'s centre lies within {@code box}. */
    private static boolean inside(Subject s, Subject box) {
        return contains(box, s.centerX(), s.centerY());
    }

    private static boolean contains(Subject box, double x, double y) {
        return x >= box.x() && x <= box.x() + box.w() && y >= box.y() && y <= box.y() + box.h();
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
            } else if (!ANIMALS.contains(d.label()) && d.score() >= OBJECT_MIN && d.area() <= LARGEST_OBJECT) {
                out.add(subject(Subject.Kind.OBJECT, d, d.score()));
            }
        }
        out.addAll(animalSubjects(found));
        return held(out);
    }

    /**
     * Something a person holds or uses (a cup in a hand, a phone, a guitar) is what the shot is about: an
     * object whose centre lies within a person's box and which is smaller than it counts as much as that
     * person, so the window keeps the hand and the thing together rather than the person's middle.
     */
    static List<Subject> held(List<Subject> subjects) {
        List<Subject> out = new ArrayList<>(subjects.size());
        for (Subject s : subjects) {
            double holder = 0;
            if (s.kind() == Subject.Kind.OBJECT) {
                for (Subject p : subjects) {
                    boolean within = p.kind() == Subject.Kind.PERSON && inside(s, p) && s.w() * s.h() < p.w() * p.h();
                    if (within) holder = Math.max(holder, p.importance());
                }
            }
            out.add(holder > s.importance() ? s.withImportance(holder) : s);
        }
        return out;
    }

    /**
     * CenterNet often shares one four-legged animal among several animal classes: a cow over a meadow scored
     * 0.22 as a horse, 0.20 as a cow and 0.20 as a sheep, none over the threshold. Which animal it is does
     * not matter to the framing, so the animal scores of boxes on the same place are combined as independent
     * evidence (1 minus the product of their complements), and the best-scoring box stands for them.
     */
    private List<Subject> animalSubjects(List<Detection> found) {
        List<Detection> animals = found.stream().filter(d -> ANIMALS.contains(d.label()) && d.score() >= ANIMAL_EVIDENCE)
                .sorted(Comparator.comparingDouble(Detection::score).reversed()).toList();
        List<Subject> out = new ArrayList<>();
        boolean[] counted = new boolean[animals.size()];
        for (int i = 0; i < animals.size(); i++) {
            if (counted[i]) continue;
            Detection best = animals.get(i);
            double none = 1;
            for (int j = i; j < animals.size(); j++) {
                if (!counted[j] && best.overlap(animals.get(j)) >= SAME_ANIMAL_OVERLAP) {
                    counted[j] = true;
                    none *= 1 - animals.get(j).score();
                }
            }
            // Named only when its own class was sure enough; a cow read as a horse is just an animal. A box over
            // half the picture made of weak guesses is the setting read as an animal, not a subject to follow.
            boolean setting = best.area() > LARGEST_OBJECT && best.score() < OBJECT_MIN;
            if (1 - none >= OBJECT_MIN && !setting) {
                out.add(subject(Subject.Kind.ANIMAL, best, 1 - none, best.score() >= OBJECT_MIN ? best.label() : "animal"));
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
                float left = Math.max(0, d.x() - SHOULDERS_WIDE * d.width());
                float right = Math.min(1, d.x() + (1 + SHOULDERS_WIDE) * d.width());
                float top = Math.max(0, d.y() - HEAD_ROOM * d.height()), bottom = Math.min(1, d.y() + DOWN_TO_CHEST * d.height());
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
        String label = kind == Subject.Kind.FACE || kind == Subject.Kind.MOTION ? null : box.label();
        return subject(kind, box, score, label);
    }

    private Subject subject(Subject.Kind kind, Detection box, double score, String label) {
        double size = Math.min(1, Math.sqrt(box.area()) / 0.5);
        double centrality = 1 - Math.min(1, Math.abs(box.x() + box.width() / 2 - 0.5) * 2);
        double importance = weights.of(kind) * score * (0.6 + 0.4 * size) * (0.8 + 0.2 * centrality);
        return new Subject(kind, box.x(), box.y(), box.width(), box.height(), importance, label);
    }
}
