package io.cutroom.vision;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CustomTagRepository.Example;
import io.cutroom.catalog.CustomTagRepository;
import io.cutroom.catalog.ShotEmbedding;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import io.cutroom.jobs.JobSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Teaches a custom tag from example shots: trains its head on their embeddings against the editor's
 * counter-examples and a seeded sample of other shots from the catalog, measures leave-one-out accuracy
 * on all of those, then applies the tag to every shot in the catalog.
 */
public final class TagTeacher {
    public static final String MODEL = "custom";
    public static final int MIN_EXAMPLES = 3;
    static final int BACKGROUND_PER_EXAMPLE = 3;
    static final int MIN_BACKGROUND = 10;
    private static final long SEED = 42;
    private final TagRepository tags;
    private final CustomTagRepository custom;

    public TagTeacher(CatalogDb db) {
        this.tags = new TagRepository(db);
        this.custom = new CustomTagRepository(db);
    }

    public record Outcome(String tag, int examples, int counterExamples, int background, double leaveOneOutAccuracy,
                          int shotsTagged, int shotsScored) implements JobSummary {
        @Override
        public String summary() {
            return String.format(Locale.ROOT, "\"%s\" learnt from %d example(s): leave-one-out accuracy %.0f%%;"
                    + " on %d of %d shots", tag, examples, leaveOneOutAccuracy * 100, shotsTagged, shotsScored);
        }
    }

    /** Marks for one shot of an asset, or for all of its shots when {@code shot} is null. */
    public static List<Example> marksFor(TagRepository tags, long assetId, Integer shot, boolean positive)
            throws ModelException {
        if (shot != null) return List.of(new Example(assetId, shot, positive));
        List<ShotEmbedding> shots = tags.embeddingsOf(assetId);
        if (shots.isEmpty()) {
            throw new ModelException("Asset " + assetId + " has not been tagged yet, so it has nothing to learn"
                    + " from: tag it first.");
        }
        return shots.stream().map(s -> new Example(s.assetId(), s.shotIndex(), positive)).toList();
    }

    public Outcome teach(String tag, List<Example> marks) throws ModelException {
        if (tag.isBlank()) throw new ModelException("A custom tag needs a name.");
        Map<String, ShotEmbedding> byShot = new HashMap<>();
        for (ShotEmbedding e : tags.embeddings()) byShot.put(key(e.assetId(), e.shotIndex()), e);
        for (Example mark : marks) {
            if (!byShot.containsKey(key(mark.assetId(), mark.shotIndex()))) {
                throw new ModelException("Asset " + mark.assetId() + " shot " + mark.shotIndex()
                        + " has not been tagged yet, so it has no embedding to learn from. Tag it first.");
            }
        }
        custom.mark(tag, marks);
        List<Example> examples = custom.examples(tag);
        List<float[]> positives = new ArrayList<>();
        List<float[]> counter = new ArrayList<>();
        for (Example e : examples) {
            ShotEmbedding embedding = byShot.get(key(e.assetId(), e.shotIndex()));
            if (embedding != null) (e.positive() ? positives : counter).add(embedding.vector());
        }
        if (positives.size() < MIN_EXAMPLES) {
            throw new ModelException("Teaching \"" + tag + "\" needs at least " + MIN_EXAMPLES + " example shots; it has "
                    + positives.size() + ".");
        }
        List<float[]> background = background(byShot, examples, positives.size());
        List<float[]> negatives = new ArrayList<>(counter);
        negatives.addAll(background);
        if (negatives.isEmpty()) {
            throw new ModelException("Teaching \"" + tag + "\" needs other shots to compare with: add counter-examples"
                    + " or tag more of the catalog.");
        }
        double accuracy = leaveOneOut(positives, negatives);
        CustomTagHead head = CustomTagHead.train(positives, negatives, SEED);
        custom.saveHead(tag, head.toBytes(), positives.size(), counter.size(), accuracy);
        int tagged = apply(tag, head, new ArrayList<>(byShot.values()));
        return new Outcome(tag, positives.size(), counter.size(), background.size(), accuracy, tagged, byShot.size());
    }

    /** Scores every shot with the head and stores the tag where it clears the storage floor. */
    public int apply(String tag, CustomTagHead head, List<ShotEmbedding> shots) {
        List<ShotTag> found = score(tag, head, shots);
        tags.replaceTag(tag, MODEL, found);
        return (int) found.stream().filter(t -> t.confidence() >= TagThresholds.CUSTOM).count();
    }

    /** The custom tag on each shot whose probability clears the storage floor. */
    public static List<ShotTag> score(String tag, CustomTagHead head, List<ShotEmbedding> shots) {
        double[] p = head.probabilities(shots.stream().map(ShotEmbedding::vector).toList());
        List<ShotTag> found = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            ShotEmbedding shot = shots.get(i);
            if (p[i] >= TagThresholds.STORE_FLOOR) {
                found.add(new ShotTag(shot.assetId(), shot.shotIndex(), tag, Math.round(p[i] * 10000) / 10000.0,
                        shot.startSec(), shot.endSec(), MODEL));
            }
        }
        return found;
    }

    /** Share of labelled shots that a head trained without them classifies correctly at even odds. */
    public static double leaveOneOut(List<float[]> positives, List<float[]> negatives) {
        int correct = 0;
        int total = positives.size() + negatives.size();
        for (int left = 0; left < total; left++) {
            boolean positive = left < positives.size();
            List<float[]> p = new ArrayList<>(positives);
            List<float[]> n = new ArrayList<>(negatives);
            float[] held = positive ? p.remove(left) : n.remove(left - positives.size());
            if (p.isEmpty() || n.isEmpty()) continue;
            double probability = CustomTagHead.train(p, n, SEED).probability(held);
            if ((probability >= TagThresholds.CUSTOM) == positive) correct++;
        }
        return total == 0 ? 0 : correct / (double) total;
    }

    private static List<float[]> background(Map<String, ShotEmbedding> byShot, List<Example> examples, int positives) {
        List<String> marked = examples.stream().map(e -> key(e.assetId(), e.shotIndex())).toList();
        List<String> others = new ArrayList<>(byShot.keySet());
        others.removeAll(marked);
        Collections.sort(others);
        Collections.shuffle(others, new Random(SEED));
        int wanted = Math.max(MIN_BACKGROUND, BACKGROUND_PER_EXAMPLE * positives);
        return others.subList(0, Math.min(wanted, others.size())).stream().map(k -> byShot.get(k).vector()).toList();
    }

    private static String key(long assetId, int shot) {
        return assetId + ":" + shot;
    }
}
