package io.cutroom.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Length, no-repeat and rule constraints hold for every playlist, over many random catalogs and scores. */
class PlaylistBuilderTest {
    private static final List<String> TAGS = List.of("dog", "bird", "car", "beach", "night");
    private static final List<String> KINDS = List.of("video", "audio", "image");

    @Test
    void constraintsAlwaysHold() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 5 + random.nextInt(200);
            List<ItemInfo> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(new ItemInfo(i, "item " + i, 2 + random.nextInt(600), KINDS.get(random.nextInt(3)),
                        Map.of(TAGS.get(random.nextInt(TAGS.size())), 1.0), null));
            }
            ContentRecommender likeness = new ContentRecommender();
            Interactions none = new Interactions.Builder(n).build();
            likeness.fit(none, items);
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextFloat();
            }
            PlaylistRules rules = PlaylistRules.minutes(1 + random.nextInt(60));
            if (random.nextBoolean()) {
                rules = rules.withKind(KINDS.get(random.nextInt(3)));
            }
            if (random.nextBoolean()) {
                rules = rules.withTags(Set.of(TAGS.get(random.nextInt(TAGS.size()))));
            }
            if (random.nextBoolean()) {
                rules = rules.withMaxClip(30 + random.nextInt(300));
            }
            Interactions.UserHistory history = Interactions.UserHistory.of(random.ints(3, 0, n).distinct().toArray());
            Set<Integer> excluded = Set.of(random.nextInt(n));
            List<PlaylistEntry> list = new PlaylistBuilder(items, likeness).build(scores, history, excluded, rules, (i, seen) -> "x");

            Set<Integer> seen = new HashSet<>();
            double total = 0;
            for (PlaylistEntry e : list) {
                assertThat(seen.add(e.item())).as("no repeats").isTrue();
                assertThat(excluded).doesNotContain(e.item());
                assertThat(rules.allows(items.get(e.item()))).as("rules hold for item " + e.item()).isTrue();
                total += items.get(e.item()).durationSec();
            }
            assertThat(total).as("length within the target and a tenth").isLessThanOrEqualTo(rules.targetSec() * 1.1 + 1e-9);
        }
    }

    @Test
    void diversityKeepsOneTagFromTakingEverySlot() {
        List<ItemInfo> items = new ArrayList<>();
        float[] scores = new float[20];
        for (int i = 0; i < 20; i++) {
            items.add(new ItemInfo(i, "item " + i, 60, "video", Map.of(i < 10 ? "dog" : "bird", 1.0), null));
            scores[i] = i < 10 ? 1.0f - i * 0.01f : 0.8f - (i - 10) * 0.01f; // every dog item outscores every bird item
        }
        ContentRecommender likeness = new ContentRecommender();
        likeness.fit(new Interactions.Builder(20).build(), items);
        List<PlaylistEntry> list = new PlaylistBuilder(items, likeness).build(scores, Interactions.UserHistory.EMPTY, Set.of(),
                PlaylistRules.minutes(6), (i, seen) -> "");
        assertThat(list).hasSize(6);
        assertThat(list.get(0).item()).as("the best item leads").isEqualTo(0);
        assertThat(list.get(1).item()).as("the best bird item comes second, ahead of nine dog items that outscore it")
                .isEqualTo(10);
    }
}
