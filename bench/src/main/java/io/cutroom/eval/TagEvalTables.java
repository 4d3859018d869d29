package io.cutroom.eval;

import io.cutroom.eval.tags.TagEvaluation;
import io.cutroom.vision.TagVocabulary;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The tables {@code eval tag} prints: per class and pooled, one precision/recall pair per method. */
final class TagEvalTables {
    private TagEvalTables() {
    }

    static void print(PrintWriter out, List<TagEval.Method> methods) {
        out.println();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s", "class", "present"));
        for (TagEval.Method m : methods) {
            head.append(String.format(Locale.ROOT, " | %-13s", m.name()));
        }
        out.println(head);
        StringBuilder sub = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s", "", ""));
        for (int i = 0; i < methods.size(); i++) {
            sub.append(" |   P%     R% ");
        }
        out.println(sub);
        List<TagEvaluation.ClassCounts> first = methods.get(0).report().classes();
        for (int c = 0; c < first.size(); c++) {
            TagEvaluation.ClassCounts counts = first.get(c);
            int at = c;
            if (methods.stream().map(m -> m.report().classes().get(at)).allMatch(k -> k.right() + k.wrong() + k.missed() == 0)) {
                continue; // neither labelled nor given by any method: nothing to judge
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s %7d", counts.tag(), counts.right() + counts.missed()));
            for (TagEval.Method m : methods) {
                TagEvaluation.ClassCounts k = m.report().classes().get(c);
                row.append(String.format(Locale.ROOT, " | %s   %s", TagEval.percent(k.precision()), TagEval.percent(k.recall())));
            }
            out.println(row);
        }
        StringBuilder micro = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s", "micro", ""));
        StringBuilder macro = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s", "macro", ""));
        for (TagEval.Method m : methods) {
            micro.append(String.format(Locale.ROOT, " | %s   %s", TagEval.percent(m.report().microPrecision()), TagEval.percent(m.report().microRecall())));
            macro.append(String.format(Locale.ROOT, " | %s   %s", TagEval.percent(m.report().macroPrecision()), TagEval.percent(m.report().macroRecall())));
        }
        out.println(micro);
        out.println(macro);
        out.println("(P: right tags of all given; R: labelled subjects found; '-' where a class was never given or never present)");
    }

    /** One set's micro precision and recall over the COCO object classes, per method. */
    static void objectsRow(PrintWriter out, String set, int pictures, List<TagEval.Method> methods) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-48s %4d pictures", set, pictures));
        for (TagEval.Method m : methods) {
            int right = 0;
            int wrong = 0;
            int missed = 0;
            for (TagEvaluation.ClassCounts k : m.report().classes()) {
                if (!k.tag().equals(TagVocabulary.DRAWING)) {
                    right += k.right();
                    wrong += k.wrong();
                    missed += k.missed();
                }
            }
            row.append(String.format(Locale.ROOT, " | %s %s: %s   %s", m.name(), "P/R",
                    TagEval.percent(right + wrong == 0 ? Double.NaN : right / (double) (right + wrong)),
                    TagEval.percent(right + missed == 0 ? Double.NaN : right / (double) (right + missed))));
        }
        out.println(row);
    }

    static void mistakes(PrintWriter out, String method, TagEvaluation.Report report) {
        out.printf("%nwrong tags at the %s thresholds (%d)%n", method, report.wrong().size());
        report.wrong().stream().sorted(Comparator.comparing(TagEvaluation.Mistake::file))
                .forEach(m -> out.printf(Locale.ROOT, "  %-28s %-14s %.2f%n", m.file(), m.tag(), m.score()));
        out.printf("missed subjects at the %s thresholds (%d)%n", method, report.missed().size());
        report.missed().stream().sorted(Comparator.comparing(TagEvaluation.Mistake::file))
                .forEach(m -> out.printf(Locale.ROOT, "  %-28s %-14s %s%n", m.file(), m.tag(),
                        m.score() > 0 ? String.format(Locale.ROOT, "%.2f", m.score()) : "not seen"));
    }
}
