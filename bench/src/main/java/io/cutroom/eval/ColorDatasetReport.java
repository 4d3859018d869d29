package io.cutroom.eval;

import io.cutroom.color.CorrectionReliability;
import io.cutroom.color.WhiteBalanceEstimator;
import io.cutroom.eval.color.CastEvaluation;
import io.cutroom.eval.color.DatasetEvaluation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Prints {@code eval color --dataset}: every method over every cast picture, then per cast, then the folds' choices. */
final class ColorDatasetReport {
    private ColorDatasetReport() {
    }

    /** The largest spread of gains is printed two ways: largest over smallest, and the largest gain or inverse gain. */
    static void print(PrintWriter out, DatasetEvaluation.Report report) {
        out.printf("%n%d scenes x %d pictures (no cast and each cast), %d folds by scene, seed %d%n",
                report.trials().stream().map(DatasetEvaluation.Trial::scene).distinct().count(),
                report.trials().stream().map(DatasetEvaluation.Trial::cast).distinct().count(), report.folds(), report.seed());
        out.printf("%-40s %8s %8s %9s %10s %10s %10s %10s%n", "method", "median", "mean", "worst25%", "est. med",
                "est. mean", "max/min", "max gain");
        for (String method : report.methods()) {
            CastEvaluation.Summary residual = CastEvaluation.Summary.of(values(report.trials(), method, 0));
            CastEvaluation.Summary estimate = CastEvaluation.Summary.of(values(report.trials(), method, 1));
            double ratio = values(report.trials(), method, 2).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double largest = values(report.trials(), method, 3).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-40s %7.2f° %7.2f° %8.2f° %9.2f° %9.2f° %10.2f %10.2f%n", method, residual.median(),
                    residual.mean(), residual.worstQuarter(), estimate.median(), estimate.mean(), ratio, largest);
        }
        Set<String> casts = new LinkedHashSet<>();
        report.trials().forEach(t -> casts.add(t.cast()));
        out.printf("%nmedian residual per cast%n%-40s", "method");
        casts.forEach(c -> out.printf(" %12s", c));
        out.println();
        for (String method : report.methods()) {
            out.printf("%-40s", method);
            for (String cast : casts) {
                List<DatasetEvaluation.Trial> some = report.trials().stream().filter(t -> t.cast().equals(cast)).toList();
                out.printf(Locale.ROOT, " %11.2f°", CastEvaluation.Summary.of(values(some, method, 0)).median());
            }
            out.println();
        }
        out.printf("%nconstants chosen per fold on the other folds' scenes (the out-of-fold rows use them):%n");
        for (Map.Entry<Integer, WhiteBalanceEstimator.Settings> e : report.chosen().entrySet()) {
            out.printf("  fold %d: %s%n", e.getKey() + 1, e.getValue());
        }
        out.printf("shipped: %s%n", WhiteBalanceEstimator.Settings.DEFAULT);
        out.printf("shipped reliability: %s (trained on these scenes among others, so its rows are in sample; the"
                + " reliability out-of-fold row trains one per fold on the other folds' scenes only)%n", CorrectionReliability.shipped().isPresent()
                ? "models/" + CorrectionReliability.FILE : "none, corrections follow the evidence alone");
    }

    private static List<Double> values(List<DatasetEvaluation.Trial> trials, String method, int field) {
        List<Double> v = new ArrayList<>();
        for (DatasetEvaluation.Trial t : trials) {
            DatasetEvaluation.Outcome o = t.outcomes().get(method);
            if (o != null) {
                v.add(switch (field) {
                    case 0 -> o.residualDeg();
                    case 1 -> o.estimateErrorDeg();
                    case 2 -> o.gainRatio();
                    default -> o.largestGain();
                });
            }
        }
        return v;
    }
}
