package io.cutroom.eval.drawings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.eval.drawings.DrawingEvaluation.Counts;
import io.cutroom.eval.drawings.DrawingEvaluation.Looked;
import io.cutroom.eval.tags.LabelledPicture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrawingEvaluationTest {

    /** Drawings lean one way on the first feature and photographs the other, with seeded noise on the rest. */
    private static List<Looked> pictures(int groups, int perGroup) {
        Random random = new Random(7);
        List<Looked> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            boolean drawing = g % 2 == 0;
            for (int i = 0; i < perGroup; i++) {
                float[] e = new float[16];
                for (int k = 0; k < e.length; k++) e[k] = (float) random.nextGaussian() * 0.3f;
                e[0] += drawing ? 1 : -1;
                LabelledPicture p = new LabelledPicture(Path.of("g" + g + "_" + i + ".png"), "group" + g,
                        drawing ? Set.of("drawing") : Set.of(), Set.of());
                out.add(new Looked(p, "set", drawing, e, 0, 1));
            }
        }
        return out;
    }

    @Test
    void theHeadLearnsTheSideOutOfFoldAndTheSameSeedGivesTheSameFigures() {
        List<Looked> looked = pictures(10, 6);
        double[] first = DrawingEvaluation.outOfFold(looked, 5, 1);
        double[] again = DrawingEvaluation.outOfFold(looked, 5, 1);
        assertThat(again).containsExactly(first);
        Counts counts = DrawingEvaluation.count(looked, first, 0.6, null);
        assertThat(counts.recall()).isGreaterThan(0.9);
        assertThat(counts.precision()).isGreaterThan(0.9);
    }

    @Test
    void aGroupIsNeverOnBothSidesOfAFold() {
        // One group whose pictures are unlike every other drawing: held out whole, the head cannot know it.
        List<Looked> looked = new ArrayList<>(pictures(8, 5));
        for (int i = 0; i < 5; i++) {
            float[] e = new float[16];
            e[1] = 3;
            looked.add(new Looked(new LabelledPicture(Path.of("odd" + i + ".png"), "odd", Set.of("drawing"), Set.of()),
                    "set", true, e, 0, 1));
        }
        double[] p = DrawingEvaluation.outOfFold(looked, 5, 1);
        for (int i = looked.size() - 5; i < looked.size(); i++) {
            assertThat(p[i]).isLessThan(0.9);
        }
        // Trained with that group, the head knows it.
        double[] seen = DrawingEvaluation.train(looked, 1).probabilities(looked.subList(looked.size() - 5, looked.size())
                .stream().map(Looked::embedding).toList());
        for (double v : seen) {
            assertThat(v).isGreaterThan(0.6);
        }
    }

    @Test
    void countsDrawingsFoundPhotosCalledDrawingsAndMisses() {
        List<Looked> looked = pictures(2, 2); // group0: 2 drawings, group1: 2 photographs
        Counts c = DrawingEvaluation.count(looked, new double[] {0.9, 0.1, 0.7, 0.2}, 0.6, null);
        assertThat(c.right()).isEqualTo(1);
        assertThat(c.missed()).isEqualTo(1);
        assertThat(c.wrong()).isEqualTo(1);
        assertThat(c.rejected()).isEqualTo(1);
        assertThat(c.accuracy()).isEqualTo(0.5);
    }

    @Test
    void aPictureWhereDrawingIsOnlyAcceptableIsLeftOut() {
        assertThat(DrawingEvaluation.judged(new LabelledPicture(Path.of("bunny.jpg"), "b", Set.of(), Set.of("drawing")))).isFalse();
        assertThat(DrawingEvaluation.judged(new LabelledPicture(Path.of("fish.jpg"), "f", Set.of("drawing"), Set.of()))).isTrue();
        assertThat(DrawingEvaluation.judged(new LabelledPicture(Path.of("cat.jpg"), "c", Set.of("cat"), Set.of()))).isTrue();
    }

    @Test
    void withoutPhotographsThereIsNothingToLearnAndTheSentenceSaysSo() {
        List<Looked> drawingsOnly = pictures(1, 3);
        assertThatThrownBy(() -> DrawingEvaluation.train(drawingsOnly, 1))
                .hasMessageContaining("3 drawings and 0 photographs");
    }
}
