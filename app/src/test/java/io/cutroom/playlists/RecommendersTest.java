package io.cutroom.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each recommender on a history small enough to check by hand. Items 0-5: viewers who like 0 also like 1,
 * viewers who like 2 also like 3; item 4 is the most liked, by half of each group and by viewers who like
 * nothing else; item 5 by nobody. Tags: 0 and 1 are
 * "dog", 2 and 3 "bird", 4 "car", 5 "dog" and "park".
 */
class RecommendersTest {
    static List<ItemInfo> items() {
        return List.of(item(0, "dog"), item(1, "dog"), item(2, "bird"), item(3, "bird"), item(4, "car"),
                new ItemInfo(5, "item 5", 60, "video", Map.of("dog", 1.0, "park", 1.0), null));
    }

    static ItemInfo item(int id, String tag) {
        return new ItemInfo(id, "item " + id, 60, "video", Map.of(tag, 1.0), null);
    }

    static Interactions history() {
        Interactions.Builder b = new Interactions.Builder(6);
        for (int u = 0; u < 8; u++) {
            int user = b.addUser();
            b.add(user, 0, 1).add(user, 1, 1);
            if (u % 2 == 0) {
                b.add(user, 4, 1);
            }
        }
        for (int u = 0; u < 8; u++) {
            int user = b.addUser();
            b.add(user, 2, 1).add(user, 3, 1);
            if (u % 2 == 0) {
                b.add(user, 4, 1);
            }
        }
        for (int u = 0; u < 4; u++) {
            b.add(b.addUser(), 4, 1);
        }
        int mixed = b.addUser();
        b.add(mixed, 4, 1).add(mixed, 0, 1).add(mixed, 2, 1);
        return b.build();
    }

    private static int best(float[] scores, Interactions.UserHistory exclude) {
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (!exclude.contains(i) && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void collaborativeRecommendersRankTheImpliedItemFirst() {
        for (Recommender r : List.of(new ItemKnnRecommender(), new EaseRecommender(1.0), new HybridRecommender(new EaseRecommender(1.0)))) {
            r.fit(history(), items());
            Interactions.UserHistory likesTwo = Interactions.UserHistory.of(2);
            assertThat(best(r.score(likesTwo, Set.of()), likesTwo)).as(r.id() + " after item 2").isEqualTo(3);
            Interactions.UserHistory likesZeroAndFour = Interactions.UserHistory.of(0, 4);
            assertThat(best(r.score(likesZeroAndFour, Set.of()), likesZeroAndFour)).as(r.id() + " after items 0 and 4").isEqualTo(1);
            assertThat(r.strongestReason(likesTwo, 3)).as(r.id() + " explains 3 by 2").isEqualTo(2);
        }
    }

    @Test
    void popularityRanksTheMostLikedFirstForEveryone() {
        PopularityRecommender r = new PopularityRecommender();
        r.fit(history(), items());
        assertThat(best(r.score(Interactions.UserHistory.EMPTY, Set.of()), Interactions.UserHistory.EMPTY)).isEqualTo(4);
        assertThat(best(r.score(Interactions.UserHistory.of(2), Set.of()), Interactions.UserHistory.of(2))).isEqualTo(4);
    }

    @Test
    void contentFollowsTagsAndColdStartFollowsInterests() {
        ContentRecommender content = new ContentRecommender();
        content.fit(history(), items());
        Interactions.UserHistory likesBird = Interactions.UserHistory.of(2);
        assertThat(best(content.score(likesBird, Set.of()), likesBird)).isEqualTo(3);
        assertThat(best(content.score(Interactions.UserHistory.EMPTY, Set.of("park")), Interactions.UserHistory.EMPTY))
                .as("a newcomer interested in parks").isEqualTo(5);

        HybridRecommender hybrid = new HybridRecommender(new EaseRecommender(1.0));
        hybrid.fit(history(), items());
        float[] cold = hybrid.score(Interactions.UserHistory.EMPTY, Set.of("bird"));
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        order.sort((a, b) -> Float.compare(cold[b], cold[a]));
        assertThat(order.subList(0, 2)).as("cold start, interest bird").containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void feedbackBelowZeroIsNotAPositive() {
        Interactions.Builder b = new Interactions.Builder(3);
        int u = b.addUser();
        b.add(u, 0, FeedbackWeights.of("play")).add(u, 0, FeedbackWeights.of("skip"));
        b.add(u, 1, FeedbackWeights.of("play")).add(u, 1, FeedbackWeights.of("complete"));
        b.add(u, 2, FeedbackWeights.of("like")).add(u, 2, FeedbackWeights.of("dislike"));
        Interactions data = b.build();
        assertThat(data.itemsOf(0)).containsExactly(1);
    }
}
