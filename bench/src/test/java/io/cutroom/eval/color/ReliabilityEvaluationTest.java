package io.cutroom.eval.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.color.ColorCast;
import io.cutroom.color.LinearImage;
import io.cutroom.eval.color.ReliabilityEvaluation.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reliability's out-of-fold evaluation: reproducible from its seed, and a picture never on both sides of a fold. */
public class ReliabilityEvaluationTest {
    private static List<Example> examples;

    @BeforeAll
    static void weighTheTestPhotos() throws Exception {
        examples = new ArrayList<>();
        for (BalancedPictures.Picture p : BalancedPictures.read(TestMedia.file("images/sklearn"), 256, skipped -> { })) {
            examples.addAll(ReliabilityEvaluation.weigh("sklearn", p.name(), ColorCast.evaluationSet(),
                    cast -> LinearImage.of(CastEvaluation.apply(p.image(), cast.factors()))));
        }
        for (BalancedPictures.Picture p : BalancedPictures.read(TestMedia.file("images/objects"), 256, skipped -> { })) {
            examples.addAll(ReliabilityEvaluation.weigh("objects", p.name(), ColorCast.evaluationSet(),
                    cast -> LinearImage.of(CastEvaluation.apply(p.image(), cast.factors()))));
        }
    }

    @Test
    void theOutOfFoldSharesAreReproducibleFromTheSeed() {
        double[] first = ReliabilityEvaluation.outOfFold(examples, 3, 7);
        double[] again = ReliabilityEvaluation.outOfFold(examples, 3, 7);
        // ND4J's threads may sum in another order, so a refit agrees to rounding, not bit for bit.
        assertThat(again).containsExactly(first, within(1e-3));
        for (int i = 0; i < first.length; i++) {
            assertThat(first[i]).isBetween(0.0, 1.0);
            if (!examples.get(i).corrects()) assertThat(first[i]).isEqualTo(1.0);
        }
    }

    @Test
    void everyCastOfAPictureStaysInItsPicturesFold() {
        Map<String, Integer> foldOf = ReliabilityEvaluation.folds(examples, 3, 7);
        assertThat(foldOf.size()).as("one fold per picture").isEqualTo(examples.stream().map(ReliabilityEvaluation::groupOf).distinct().count());
        assertThat(foldOf.values()).containsOnly(0, 1, 2);
        assertThat(ReliabilityEvaluation.folds(examples, 3, 8)).isNotEqualTo(foldOf);
    }

    @Test
    void aBalancedPictureLeftAloneHasNoResidual() {
        Example balanced = examples.stream().filter(Example::balanced).findFirst().orElseThrow();
        assertThat(balanced.residual(0)).isZero();
        Example cast = examples.stream().filter(e -> e.cast().equals("2700 K")).findFirst().orElseThrow();
        assertThat(cast.residual(0)).isGreaterThan(30);
        assertThat(cast.residual(1)).isLessThan(cast.residual(0));
    }
}
