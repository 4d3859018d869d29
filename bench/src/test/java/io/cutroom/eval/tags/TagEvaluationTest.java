package io.cutroom.eval.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.vision.CalibratedThresholds;
import io.cutroom.vision.TagThresholds;
import io.cutroom.vision.TagVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting right and wrong tags, calibrating thresholds out of fold, and reading labels.tsv. */
class TagEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void acceptableTagsAreNeitherRightNorWrongAndMissesAreCounted() throws IOException {
        List<TagEvaluation.Scored> scored = List.of(
                scored("a", Set.of("dog"), Set.of("cat"), Map.of("dog", 0.8, "cat", 0.6, "sheep", 0.5)),
                scored("b", Set.of("dog", "person"), Set.of(), Map.of("person", 0.3)));
        TagEvaluation.Report report = TagEvaluation.evaluate(scored, tag -> 0.4);
        assertThat(counts(report, "dog")).isEqualTo(new TagEvaluation.ClassCounts("dog", 1, 0, 1));
        assertThat(counts(report, "cat")).isEqualTo(new TagEvaluation.ClassCounts("cat", 0, 0, 0));
        assertThat(counts(report, "sheep")).isEqualTo(new TagEvaluation.ClassCounts("sheep", 0, 1, 0));
        assertThat(counts(report, "person")).isEqualTo(new TagEvaluation.ClassCounts("person", 0, 0, 1));
        assertThat(report.microPrecision()).isEqualTo(0.5);
        assertThat(report.microRecall()).isEqualTo(1 / 3.0);
        assertThat(report.wrong()).extracting(TagEvaluation.Mistake::tag).containsExactly("sheep");
    }

    @Test
    void theOutOfFoldFiguresComeBackFromTheSeedAndKeepGroupsTogether() throws IOException {
        List<TagEvaluation.Scored> scored = noisySet(new Random(7));
        TagEvaluation.Report first = TagEvaluation.outOfFold(scored, 5, 3);
        TagEvaluation.Report again = TagEvaluation.outOfFold(scored, 5, 3);
        assertThat(again.classes()).isEqualTo(first.classes());
        for (List<TagEvaluation.Scored> fold : TagEvaluation.folds(scored, 5, 3)) {
            for (TagEvaluation.Scored s : fold) {
                assertThat(TagEvaluation.folds(scored, 5, 3).stream().filter(f -> f.stream()
                        .anyMatch(o -> o.picture().group().equals(s.picture().group()))).count()).isEqualTo(1);
            }
        }
    }

    @Test
    void oneSetsOutOfFoldFiguresCountOnlyItsPicturesAndAddUpToThePool() throws IOException {
        List<TagEvaluation.Scored> scored = noisySet(new Random(11));
        Predicate<TagEvaluation.Scored> firstHalf = s -> Integer.parseInt(s.picture().group().substring(1)) < 10;
        TagEvaluation.ClassCounts all = counts(TagEvaluation.outOfFold(scored, 5, 3), "dog");
        TagEvaluation.ClassCounts one = counts(TagEvaluation.outOfFold(scored, 5, 3, firstHalf), "dog");
        TagEvaluation.ClassCounts other = counts(TagEvaluation.outOfFold(scored, 5, 3, firstHalf.negate()), "dog");
        long present = scored.stream().filter(firstHalf).filter(s -> s.picture().present().contains("dog")).count();
        assertThat(one.right() + one.missed()).isEqualTo((int) present);
        // The thresholds are calibrated on the same folds either way, so the two sets' counts make up the pool's.
        assertThat(one.right() + other.right()).isEqualTo(all.right());
        assertThat(one.wrong() + other.wrong()).isEqualTo(all.wrong());
        assertThat(one.missed() + other.missed()).isEqualTo(all.missed());
    }

    @Test
    void aClassWithEnoughExamplesGetsItsOwnThresholdAndTheRestShareOne() throws IOException {
        List<TagEvaluation.Scored> scored = new ArrayList<>();
        // "person" scores 0.7 when there and 0.5 when not: its best threshold lies between them.
        for (int i = 0; i < 8; i++) {
            scored.add(scored("p" + i, Set.of("person"), Set.of(), Map.of("person", 0.7)));
            scored.add(scored("n" + i, Set.of(), Set.of(), Map.of("person", 0.5)));
        }
        // "kite" is there twice at 0.3 and absent once at 0.2: too few for a threshold of its own.
        scored.add(scored("k1", Set.of("kite"), Set.of(), Map.of("kite", 0.3)));
        scored.add(scored("k2", Set.of("kite"), Set.of(), Map.of("kite", 0.3)));
        scored.add(scored("k3", Set.of(), Set.of(), Map.of("kite", 0.2)));
        CalibratedThresholds fitted = ThresholdCalibration.fit(scored);
        assertThat(fitted.perClass()).containsOnlyKeys("person");
        assertThat(fitted.of("person")).isStrictlyBetween(0.5, 0.7);
        assertThat(fitted.of("kite")).isEqualTo(fitted.shared());
        assertThat(fitted.of(TagVocabulary.DRAWING)).as("not an object: its fixed default").isEqualTo(TagThresholds.fixedDefaultOf(TagVocabulary.DRAWING));
    }

    @Test
    void aLabelsFileThatNamesAMissingPictureIsRefusedInASentence() throws IOException {
        Path tsv = dir.resolve("labels.tsv");
        Files.writeString(tsv, "file\tpresent\talso_acceptable\nghost.jpg\tdog\t\n");
        assertThatThrownBy(() -> LabelledPicture.read(dir, tsv)).isInstanceOf(IOException.class)
                .hasMessage("Line 2 of labels.tsv names ghost.jpg, which is not in " + dir.getFileName() + ".");
        Files.writeString(tsv, "name\ttags\n");
        assertThatThrownBy(() -> LabelledPicture.read(dir, tsv)).hasMessageStartingWith("labels.tsv needs tab-separated columns");
    }

    @Test
    void twoWordClassesAreWrittenWithAnUnderscore() throws IOException {
        Files.writeString(dir.resolve("a.jpg"), "");
        Path tsv = dir.resolve("labels.tsv");
        Files.writeString(tsv, "file\tpresent\talso_acceptable\tgroup\na.jpg\tpotted_plant dog\tdining_table\tkitchen\n");
        LabelledPicture p = LabelledPicture.read(dir, tsv).get(0);
        assertThat(p.present()).containsExactly("potted plant", "dog");
        assertThat(p.acceptable()).containsExactly("dining table");
        assertThat(p.group()).isEqualTo("kitchen");
    }

    private List<TagEvaluation.Scored> noisySet(Random random) throws IOException {
        List<TagEvaluation.Scored> scored = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean there = random.nextBoolean();
            double score = there ? 0.4 + 0.4 * random.nextDouble() : 0.5 * random.nextDouble();
            scored.add(scored("g" + i / 2 + "_" + i, there ? Set.of("dog") : Set.of(), Set.of(), Map.of("dog", score), "g" + i / 2));
        }
        return scored;
    }

    private TagEvaluation.Scored scored(String name, Set<String> present, Set<String> acceptable, Map<String, Double> scores) throws IOException {
        return scored(name, present, acceptable, scores, name);
    }

    private TagEvaluation.Scored scored(String name, Set<String> present, Set<String> acceptable, Map<String, Double> scores, String group) {
        return new TagEvaluation.Scored(new LabelledPicture(dir.resolve(name + ".jpg"), group, present, acceptable), scores);
    }

    private static TagEvaluation.ClassCounts counts(TagEvaluation.Report report, String tag) {
        return report.classes().stream().filter(c -> c.tag().equals(tag)).findFirst().orElseThrow();
    }
}
