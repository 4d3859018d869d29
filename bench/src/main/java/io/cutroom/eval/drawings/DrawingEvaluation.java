package io.cutroom.eval.drawings;

import io.cutroom.eval.tags.LabelledPicture;
import io.cutroom.media.ProbeException;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.vision.CustomTagHead;
import io.cutroom.vision.Detection;
import io.cutroom.vision.FrameAnalyzer;
import io.cutroom.vision.SceneScores;
import io.cutroom.vision.TagVocabulary;
import io.cutroom.vision.VisionModels;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drawing or photograph, on labelled pictures: a picture is a drawing when its {@code present} labels hold
 * {@code drawing}, a photograph when neither column does; one whose {@code also_acceptable} holds it (a frame of
 * 3D animation) is left out. Compares the picture classifier's own rule with a logistic head on its features,
 * trained out of fold.
 */
public final class DrawingEvaluation {
    public static final String DRAWING = TagVocabulary.DRAWING;

    private DrawingEvaluation() {
    }

    /**
     * One picture as the networks saw it: its features (scaled to length 1), the classifier's drawn classes (Drawing plus Hentai),
     * and how far the detector leaves room for a drawing ({@link TagVocabulary#photoDoubt}).
     */
    public record Looked(LabelledPicture picture, String set, boolean drawing, float[] embedding, double classifierDrawn,
                         double doubt) {
    }

    /** Whether a picture counts, and which way: left out when {@code drawing} is only acceptable. */
    public static boolean judged(LabelledPicture p) {
        return p.present().contains(DRAWING) || !p.acceptable().contains(DRAWING);
    }

    /** Runs the classifier and the detector over the pictures, upright at the tagger's size, a batch at a time. */
    public static List<Looked> look(VisionModels models, List<LabelledPicture> pictures, List<String> sets) throws ProbeException {
        List<Looked> out = new ArrayList<>();
        ThumbnailMaker thumbnails = new ThumbnailMaker();
        for (int from = 0; from < pictures.size(); from += FrameAnalyzer.BATCH) {
            int to = Math.min(pictures.size(), from + FrameAnalyzer.BATCH);
            List<BufferedImage> decoded = new ArrayList<>();
            for (LabelledPicture p : pictures.subList(from, to)) {
                decoded.add(p.decode(thumbnails));
            }
            List<SceneScores> scenes = models.scenes().classify(decoded);
            List<List<Detection>> objects = models.objects().detect(decoded);
            for (int i = 0; i < decoded.size(); i++) {
                LabelledPicture p = pictures.get(from + i);
                SceneScores scene = scenes.get(i);
                out.add(new Looked(p, sets.get(from + i), p.present().contains(DRAWING), CustomTagHead.unit(scene.embedding()),
                        scene.probabilities()[0] + scene.probabilities()[1], TagVocabulary.photoDoubt(objects.get(i))));
            }
        }
        return out;
    }

    /** Trains the head on every picture given. */
    public static CustomTagHead train(List<Looked> pictures, long seed) {
        List<float[]> drawings = pictures.stream().filter(Looked::drawing).map(Looked::embedding).toList();
        List<float[]> photos = pictures.stream().filter(l -> !l.drawing()).map(Looked::embedding).toList();
        if (drawings.isEmpty() || photos.isEmpty()) {
            throw new IllegalArgumentException("The head needs drawings and photographs to learn from; these pictures have "
                    + drawings.size() + " drawings and " + photos.size() + " photographs.");
        }
        return CustomTagHead.train(drawings, photos, seed);
    }

    /** Each picture's head probability from a head trained on the other folds only (folds by group, seeded). */
    public static double[] outOfFold(List<Looked> pictures, int folds, long seed) {
        int[] foldOf = LabelledPicture.foldOf(pictures.stream().map(Looked::picture).toList(), folds, seed);
        int k = Arrays.stream(foldOf).max().orElse(0) + 1;
        double[] out = new double[pictures.size()];
        for (int fold = 0; fold < k; fold++) {
            List<Looked> training = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < pictures.size(); i++) {
                if (foldOf[i] == fold) {
                    held.add(i);
                } else {
                    training.add(pictures.get(i));
                }
            }
            if (held.isEmpty()) {
                continue;
            }
            if (training.stream().noneMatch(Looked::drawing) || training.stream().allMatch(Looked::drawing)) {
                throw new IllegalArgumentException("Outside fold " + (fold + 1) + " of " + k + " there are only "
                        + (training.stream().noneMatch(Looked::drawing) ? "photographs" : "drawings")
                        + " to learn from: give drawings and photographs in more groups, or fewer folds.");
            }
            double[] p = train(training, seed).probabilities(held.stream().map(i -> pictures.get(i).embedding()).toList());
            for (int j = 0; j < held.size(); j++) {
                out[held.get(j)] = p[j];
            }
        }
        return out;
    }

    /** Counts of one method at one threshold: drawings found, photographs called drawings, drawings missed. */
    public record Counts(int right, int wrong, int missed, int rejected) {
        public double precision() {
            return right + wrong == 0 ? Double.NaN : right / (double) (right + wrong);
        }

        public double recall() {
            return right + missed == 0 ? Double.NaN : right / (double) (right + missed);
        }

        public double accuracy() {
            int all = right + wrong + missed + rejected;
            return all == 0 ? Double.NaN : (right + rejected) / (double) all;
        }
    }

    public static Counts count(List<Looked> pictures, double[] confidence, double threshold, String set) {
        int right = 0;
        int wrong = 0;
        int missed = 0;
        int rejected = 0;
        for (int i = 0; i < pictures.size(); i++) {
            Looked l = pictures.get(i);
            if (set != null && !set.equals(l.set())) {
                continue;
            }
            boolean given = confidence[i] >= threshold;
            if (l.drawing()) {
                if (given) right++; else missed++;
            } else {
                if (given) wrong++; else rejected++;
            }
        }
        return new Counts(right, wrong, missed, rejected);
    }
}
