package io.cutroom.eval.color;

import io.cutroom.color.ColorCast;
import io.cutroom.color.CorrectionReliability;
import io.cutroom.color.Illuminant;
import io.cutroom.color.IlluminantCues;
import io.cutroom.color.LinearImage;
import io.cutroom.color.WhiteBalance;
import io.cutroom.color.WhiteBalanceEstimator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Scenes of a colour-constancy set made neutral with their measured light, put under known casts, and
 * corrected by Cutroom and by the classic estimators in the same run. Cutroom's constants are chosen per fold
 * on the other folds' scenes only ({@link WhiteBalanceEstimator.Settings#candidates}), so its first figure is
 * out of fold; the shipped constants' figure is printed beside it and is in-sample on the set they were
 * chosen on.
 */
public final class DatasetEvaluation {
    public static final String NONE = "no correction";
    public static final String CUTROOM_OUT_OF_FOLD = "cutroom auto, evidence alone (out of fold)";
    /** Shipped constants, with a reliability trained on the other folds' scenes only. */
    public static final String CUTROOM_RELIABILITY_OUT_OF_FOLD = "cutroom auto, reliability out of fold";
    public static final String CUTROOM_SHIPPED = "cutroom auto as shipped (with reliability)";
    public static final String CUTROOM_UNLIMITED = "cutroom auto as shipped, gains not limited";
    public static final String FFMPEG_GREYEDGE = "greyedge=difford=1:minknorm=5:sigma=2";
    static final List<String> CUES = List.of(IlluminantCues.GREY_WORLD, IlluminantCues.SHADES_OF_GREY,
            IlluminantCues.GREY_EDGE, IlluminantCues.MAX_RGB);

    /**
     * One method on one cast picture: the cast left after its gains, its light's error, its largest gain over
     * its smallest, and its largest gain or inverse gain ({@link Illuminant#largestGain}).
     */
    public record Outcome(double residualDeg, double estimateErrorDeg, double gainRatio, double largestGain) {
    }

    public record Trial(String scene, String cast, int fold, Map<String, Outcome> outcomes) {
    }

    public record Report(List<String> methods, List<Trial> trials, int folds, long seed,
                         Map<Integer, WhiteBalanceEstimator.Settings> chosen) {
    }

    private final CastEvaluation ffmpeg;

    /** {@code ffmpeg}: runs FFmpeg's greyedge filter as a baseline; null leaves it out (tests). */
    public DatasetEvaluation(CastEvaluation ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public List<String> methods() {
        List<String> methods = new ArrayList<>(List.of(NONE, CUTROOM_OUT_OF_FOLD, CUTROOM_RELIABILITY_OUT_OF_FOLD,
                CUTROOM_SHIPPED, CUTROOM_UNLIMITED));
        methods.addAll(CUES);
        if (ffmpeg != null) {
            methods.add(FFMPEG_GREYEDGE);
        }
        return methods;
    }

    /** Scenes go to folds by a shuffle seeded with {@code seed}; every cast of a scene stays in its scene's fold. */
    public Report run(List<ColorDataset.Scene> scenes, int folds, long seed) throws IOException, InterruptedException {
        if (scenes.size() < folds) {
            throw new IllegalArgumentException(folds + " folds need at least " + folds + " scenes; the set has " + scenes.size() + ".");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] foldOf = new int[scenes.size()];
        for (int k = 0; k < order.size(); k++) {
            foldOf[order.get(k)] = k % folds;
        }
        List<WhiteBalanceEstimator.Settings> candidates = WhiteBalanceEstimator.Settings.candidates();
        List<Trial> trials = new ArrayList<>();
        List<double[]> candidateResiduals = new ArrayList<>();
        List<Map<Integer, Outcome>> trialCandidates = new ArrayList<>();
        List<ColorCast> casts = new ArrayList<>(List.of(new ColorCast("none", new double[] {1, 1, 1})));
        casts.addAll(ColorDataset.casts());
        WhiteBalanceEstimator evidenceOnly = new WhiteBalanceEstimator(WhiteBalanceEstimator.Settings.DEFAULT);
        List<ReliabilityEvaluation.Example> examples = new ArrayList<>();
        for (int s = 0; s < scenes.size(); s++) {
            ColorDataset.Scene scene = scenes.get(s);
            LinearImage original = LinearImage.of(ColorDataset.picture(scene, new double[] {1, 1, 1}));
            for (ColorCast cast : casts) {
                BufferedImage picture = ColorDataset.picture(scene, cast.factors());
                LinearImage input = LinearImage.of(picture);
                Illuminant truth = cast.illuminant();
                Map<String, Outcome> outcomes = new LinkedHashMap<>();
                outcomes.put(NONE, new Outcome(CastResidual.degrees(original, input), truth.angleFromNeutral(), 1, 1));
                double[] residuals = new double[candidates.size()];
                Map<Integer, Outcome> byCandidate = new LinkedHashMap<>();
                for (int c = 0; c < candidates.size(); c++) {
                    WhiteBalance wb = new WhiteBalanceEstimator(candidates.get(c)).estimate(input);
                    Outcome o = outcome(original, picture, wb.gains(), wb.estimate(), truth);
                    residuals[c] = o.residualDeg();
                    byCandidate.put(c, o);
                }
                outcomes.put(CUTROOM_OUT_OF_FOLD, null); // filled once every fold's choice is known
                outcomes.put(CUTROOM_RELIABILITY_OUT_OF_FOLD, null); // filled once each fold's reliability is trained
                examples.add(new ReliabilityEvaluation.Example("dataset", scene.name(), cast.name(), truth, evidenceOnly.weigh(input)));
                WhiteBalance shipped = new WhiteBalanceEstimator().estimate(input);
                outcomes.put(CUTROOM_SHIPPED, outcome(original, picture, shipped.gains(), shipped.estimate(), truth));
                WhiteBalance unlimited = new WhiteBalanceEstimator(WhiteBalanceEstimator.Settings.DEFAULT.unlimited(),
                        CorrectionReliability.shipped().orElse(null)).estimate(input);
                outcomes.put(CUTROOM_UNLIMITED, outcome(original, picture, unlimited.gains(), unlimited.estimate(), truth));
                for (IlluminantCues.Cue cue : IlluminantCues.all(input)) {
                    if (CUES.contains(cue.name())) {
                        Illuminant light = Illuminant.of(cue.rgb());
                        outcomes.put(cue.name(), outcome(original, picture, light.correctingGains(), light, truth));
                    }
                }
                if (ffmpeg != null) {
                    LinearImage filtered = LinearImage.of(ffmpeg.filter(picture, FFMPEG_GREYEDGE));
                    double[] gains = CastResidual.channelRatios(input, filtered);
                    Illuminant light = takenOutBy(gains);
                    outcomes.put(FFMPEG_GREYEDGE, new Outcome(CastResidual.degrees(original, filtered), light.angleTo(truth),
                            light.gainRatio(), light.largestGain()));
                }
                trials.add(new Trial(scene.name(), cast.name(), foldOf[s], outcomes));
                candidateResiduals.add(residuals);
                trialCandidates.add(byCandidate);
            }
        }
        Map<Integer, WhiteBalanceEstimator.Settings> chosen = new LinkedHashMap<>();
        for (int f = 0; f < folds; f++) {
            int best = chooseOutside(trials, candidateResiduals, f, candidates.size());
            chosen.put(f, candidates.get(best));
            for (int t = 0; t < trials.size(); t++) {
                if (trials.get(t).fold() == f) {
                    trials.get(t).outcomes().put(CUTROOM_OUT_OF_FOLD, trialCandidates.get(t).get(best));
                }
            }
        }
        reliabilityOutOfFold(scenes, casts, trials, examples, folds, seed);
        return new Report(methods(), trials, folds, seed, chosen);
    }

    /**
     * Each fold's pictures corrected with the shipped constants and a reliability trained on the other folds'
     * scenes only (all their casts), so the row says what the reliability does on scenes it never saw.
     */
    private static void reliabilityOutOfFold(List<ColorDataset.Scene> scenes, List<ColorCast> casts, List<Trial> trials,
                                             List<ReliabilityEvaluation.Example> examples, int folds, long seed) throws IOException {
        // Each scene's neutral picture is the reference for all its casts: made once, not once per cast and fold.
        List<LinearImage> originals = new ArrayList<>();
        for (ColorDataset.Scene scene : scenes) {
            originals.add(LinearImage.of(ColorDataset.picture(scene, new double[] {1, 1, 1})));
        }
        for (int f = 0; f < folds; f++) {
            List<ReliabilityEvaluation.Example> training = new ArrayList<>();
            for (int t = 0; t < trials.size(); t++) {
                if (trials.get(t).fold() != f && examples.get(t).weighing() != null) training.add(examples.get(t));
            }
            CorrectionReliability model = ReliabilityEvaluation.train(training, seed);
            for (int t = 0; t < trials.size(); t++) {
                Trial trial = trials.get(t);
                ReliabilityEvaluation.Example e = examples.get(t);
                if (trial.fold() != f) {
                    continue;
                }
                ColorDataset.Scene scene = scenes.get(t / casts.size());
                LinearImage original = originals.get(t / casts.size());
                BufferedImage picture = ColorDataset.picture(scene, casts.get(t % casts.size()).factors());
                if (e.weighing() == null) {
                    trial.outcomes().put(CUTROOM_RELIABILITY_OUT_OF_FOLD, outcome(original, picture, new double[] {1, 1, 1},
                            Illuminant.NEUTRAL, e.truth()));
                    continue;
                }
                double share = e.corrects() ? model.share(e.weighing().features()) : 1;
                Illuminant taken = WhiteBalanceEstimator.lightTakenOut(e.weighing().estimate(), e.weighing().strength() * share);
                trial.outcomes().put(CUTROOM_RELIABILITY_OUT_OF_FOLD,
                        outcome(original, picture, taken.correctingGains(), e.weighing().estimate(), e.truth()));
            }
        }
    }

    /** The candidate with the lowest mean residual over the trials outside fold {@code f}. */
    private static int chooseOutside(List<Trial> trials, List<double[]> residuals, int f, int candidates) {
        int best = 0;
        double bestMean = Double.MAX_VALUE;
        for (int c = 0; c < candidates; c++) {
            double sum = 0;
            int n = 0;
            for (int t = 0; t < trials.size(); t++) {
                double r = residuals.get(t)[c];
                if (trials.get(t).fold() != f && !Double.isNaN(r)) {
                    sum += r;
                    n++;
                }
            }
            if (n > 0 && sum / n < bestMean) {
                bestMean = sum / n;
                best = c;
            }
        }
        return best;
    }

    private static Outcome outcome(LinearImage original, BufferedImage picture, double[] gains, Illuminant estimate,
                                   Illuminant truth) throws IOException {
        LinearImage corrected = LinearImage.of(CastEvaluation.apply(picture, gains));
        Illuminant taken = takenOutBy(gains);
        return new Outcome(CastResidual.degrees(original, corrected), estimate.angleTo(truth), taken.gainRatio(), taken.largestGain());
    }

    /** The light that {@code gains} turn neutral: its spreads are the gains' own. */
    private static Illuminant takenOutBy(double[] gains) {
        return new Illuminant(1 / gains[0], 1 / gains[1], 1 / gains[2]);
    }
}
