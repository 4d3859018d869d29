package io.cutroom.vision;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns raw network outputs into the words an editor searches with, each with a confidence:
 * COCO object names; {@code animation} (drawn footage) or {@code live action}, and {@code drawing} for a
 * still that is an illustration, painting or cartoon; {@code explicit} (the content-safety
 * flag); {@code face}, and a face count ({@code 1 face}, {@code 2 faces}, {@code group}); and the shot
 * scale from the largest face ({@code close-up}, {@code medium shot}, {@code wide shot}).
 */
public final class TagVocabulary {
    public static final String ANIMATION = "animation";
    public static final String LIVE_ACTION = "live action";
    public static final String EXPLICIT = "explicit";
    public static final String FACE = "face";
    public static final String DRAWING = "drawing";
    /** The words that do not name a thing in the picture: how it was made or shot, and faces. */
    private static final Set<String> NOT_OBJECTS = Set.of(ANIMATION, LIVE_ACTION, EXPLICIT, FACE,
            DRAWING, "1 face", "2 faces", "group", "close-up", "medium shot", "wide shot");
    /** Face height as a share of the picture's height at which a shot reads as a close-up, or as wide. */
    static final double CLOSE_UP_FACE = 0.22;
    static final double WIDE_FACE = 0.08;
    /** A person taller than this share of the picture, with no face seen, is still a medium shot. */
    static final double WIDE_PERSON = 0.5;
    /** A detection above this is the detector being sure of a real thing (see {@link #photoDoubt}). */
    static final double SURE_OBJECT = 0.5;

    private TagVocabulary() {
    }

    /** Tag name to confidence for one frame of footage; faces count only at or above {@code faceThreshold}. */
    public static Map<String, Double> tags(FrameFindings frame, double faceThreshold) {
        return tags(frame, faceThreshold, false);
    }

    /**
     * The same for a still ({@code still} true): {@code drawing} then comes from the drawing head
     * ({@link DrawingHead}) and the detector's doubt instead of {@code animation}, since a still cannot be animated.
     */
    public static Map<String, Double> tags(FrameFindings frame, double faceThreshold, boolean still) {
        Map<String, Double> tags = new LinkedHashMap<>();
        for (Detection object : frame.objects()) {
            tags.merge(object.label(), (double) object.score(), Math::max);
        }
        float[] p = frame.scene().probabilities(); // Drawing, Hentai, Neutral, Porn, Sexy
        double drawn = p[0] + p[1];
        tags.put(still ? DRAWING : ANIMATION, still ? frame.drawing() * photoDoubt(frame.objects()) : drawn);
        tags.put(LIVE_ACTION, (double) (p[2] + p[3] + p[4]));
        if (couldBeExplicit(frame, p)) {
            tags.put(EXPLICIT, (double) (p[1] + p[3]));
        }
        List<Detection> faces = frame.faces().stream().filter(f -> f.score() >= faceThreshold).toList();
        if (!faces.isEmpty()) {
            double best = faces.stream().mapToDouble(Detection::score).max().orElse(0);
            tags.put(FACE, best);
            tags.put(faces.size() == 1 ? "1 face" : faces.size() == 2 ? "2 faces" : "group", best);
            Detection largest = faces.stream().max(Comparator.comparing(Detection::height)).orElseThrow();
            tags.put(scaleFromFace(largest.height()), (double) largest.score());
        } else {
            frame.objects().stream().filter(o -> o.label().equals("person")).max(Comparator.comparing(Detection::height))
                    .ifPresent(person -> tags.put(person.height() < WIDE_PERSON ? "wide shot" : "medium shot",
                            (double) person.score()));
        }
        return tags;
    }

    /**
     * How far the detector leaves room for a drawing, from 1 down to 0: up to {@link #SURE_OBJECT} nothing
     * changes; from there the drawing's confidence falls linearly to 0 at 1. A photo-trained detector that is
     * sure it sees a real thing is evidence against a drawing: the classifier's own Drawing class called a beagle
     * photographed against a blurred garden 99% drawn. With the drawing head it still pays: out of fold on the
     * head's development pictures it took out 3 of 24 wrong drawings (a jet in the sky among them) and missed 3
     * more of 605 drawings (clip art, no painting).
     */
    public static double photoDoubt(List<Detection> objects) {
        double sure = objects.stream().mapToDouble(Detection::score).max().orElse(0);
        return sure <= SURE_OBJECT ? 1 : Math.max(0, (1 - sure) / (1 - SURE_OBJECT));
    }

    /**
     * The classifier alone flags pink birds, hands and fireplaces as explicit; measured on the demo clips, those
     * frames had no person the detector was sure of. So the flag needs a person in the same picture, or a drawing.
     */
    private static boolean couldBeExplicit(FrameFindings frame, float[] p) {
        boolean drawn = p[0] + p[1] >= 0.5;
        boolean person = frame.objects().stream()
                .anyMatch(o -> o.label().equals("person") && o.score() >= TagThresholds.defaultOf("person"));
        return drawn || person;
    }

    /** The network a tag comes from, as stored with it. */
    public static String modelOf(String tag) {
        return switch (tag) {
            case ANIMATION, LIVE_ACTION, EXPLICIT, DRAWING -> SceneClassifier.MODEL;
            case FACE, "1 face", "2 faces", "group", "close-up" -> FaceDetector.MODEL;
            default -> ObjectDetector.MODEL; // COCO objects, and shot scale judged from people
        };
    }

    /** Whether the tag names a thing in the picture (a COCO object or a custom tag), not how it was made or shot. */
    public static boolean isObject(String tag) {
        return !NOT_OBJECTS.contains(tag);
    }

    static String scaleFromFace(double faceHeight) {
        return faceHeight >= CLOSE_UP_FACE ? "close-up" : faceHeight >= WIDE_FACE ? "medium shot" : "wide shot";
    }
}
