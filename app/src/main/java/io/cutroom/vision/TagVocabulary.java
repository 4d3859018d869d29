package io.cutroom.vision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw network outputs into the words an editor searches with, each with a confidence:
 * COCO object names; {@code animation} or {@code live action}; {@code explicit} (the content-safety
 * flag); {@code face}, and a face count ({@code 1 face}, {@code 2 faces}, {@code group}); and the shot
 * scale from the largest face ({@code close-up}, {@code medium shot}, {@code wide shot}).
 */
public final class TagVocabulary {
    public static final String ANIMATION = "animation";
    public static final String LIVE_ACTION = "live action";
    public static final String EXPLICIT = "explicit";
    public static final String FACE = "face";
    /** Face height as a share of the picture's height at which a shot reads as a close-up, or as wide. */
    static final double CLOSE_UP_FACE = 0.22;
    static final double WIDE_FACE = 0.08;
    /** A person taller than this share of the picture, with no face seen, is still a medium shot. */
    static final double WIDE_PERSON = 0.5;

    private TagVocabulary() {
    }

    /** Tag name to confidence for one picture; faces count only at or above {@code faceThreshold}. */
    public static Map<String, Double> tags(FrameFindings frame, double faceThreshold) {
        Map<String, Double> tags = new LinkedHashMap<>();
        for (Detection object : frame.objects()) {
            tags.merge(object.label(), (double) object.score(), Math::max);
        }
        float[] p = frame.scene().probabilities(); // Drawing, Hentai, Neutral, Porn, Sexy
        tags.put(ANIMATION, (double) (p[0] + p[1]));
        tags.put(LIVE_ACTION, (double) (p[2] + p[3] + p[4]));
        if (couldBeExplicit(frame, p)) {
            tags.put(EXPLICIT, (double) (p[1] + p[3]));
        }
        List<Detection> faces = frame.faces().stream().filter(f -> f.score() >= faceThreshold).toList();
        if (!faces.isEmpty()) {
            double best = faces.stream().mapToDouble(Detection::score).max().orElse(0);
            tags.put(FACE, best);
            tags.put(faces.size() == 1 ? "1 face" : faces.size() == 2 ? "2 faces" : "group", best);
            Detection largest = faces.stream().max(java.util.Comparator.comparing(Detection::height)).orElseThrow();
            tags.put(scaleFromFace(largest.height()), (double) largest.score());
        } else {
            frame.objects().stream().filter(o -> o.label().equals("person")).max(java.util.Comparator.comparing(Detection::height))
                    .ifPresent(person -> tags.put(person.height() < WIDE_PERSON ? "wide shot" : "medium shot",
                            (double) person.score()));
        }
        return tags;
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
            case ANIMATION, LIVE_ACTION, EXPLICIT -> SceneClassifier.MODEL;
            case FACE, "1 face", "2 faces", "group", "close-up" -> FaceDetector.MODEL;
            default -> ObjectDetector.MODEL; // COCO objects, and shot scale judged from people
        };
    }

    static String scaleFromFace(double faceHeight) {
        return faceHeight >= CLOSE_UP_FACE ? "close-up" : faceHeight >= WIDE_FACE ? "medium shot" : "wide shot";
    }
}
