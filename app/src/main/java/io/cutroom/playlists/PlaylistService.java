package io.cutroom.playlists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ProfileRepository;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a viewer's playlist from the catalog: fits the chosen recommender on everyone's feedback, scores
 * for the viewer, builds the playlist under the rules, and explains each item in words.
 */
public final class PlaylistService {
    private final CatalogDb db;

    public PlaylistService(CatalogDb db) {
        this.db = db;
    }

    /** One playlist item as the studio and the CLI show it. */
    public record Item(Asset asset, String title, double durationSec, double score, String explanation) {
    }

    public record Result(ProfileRepository.Profile profile, String recommender, List<Item> items, double totalSec) {
    }

    /** The playlist's items as the CLI prints them and the catalog keeps them: {id, title, duration, score, explanation}. */
    public static List<Map<String, Object>> rows(Result result) {
        return result.items().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.asset().id());
            m.put("title", i.title());
            m.put("duration", Math.round(i.durationSec() * 1000) / 1000.0);
            m.put("score", Math.round(i.score() * 10000) / 10000.0);
            m.put("explanation", i.explanation());
            return m;
        }).toList();
    }

    /** Keeps the playlist in the catalog with the viewer. */
    public void save(Result result, double minutes) {
        try {
            new ProfileRepository(db).savePlaylist(result.profile().id(), result.recommender(), minutes,
                    new ObjectMapper().writeValueAsString(rows(result)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Result build(String profileName, String recommenderId, PlaylistRules rules) {
        ProfileRepository.Profile profile = new ProfileRepository(db).find(profileName).orElseThrow(() ->
                new IllegalArgumentException("There is no profile called " + profileName + "; add it with: cutroom profile add "
                        + profileName));
        CatalogSnapshot snapshot = CatalogSnapshot.load(db);
        if (snapshot.items().isEmpty()) {
            throw new IllegalArgumentException("The catalog has nothing to play yet; import some media first.");
        }
        Recommender recommender = Recommenders.create(recommenderId);
        recommender.fit(snapshot.feedback(), snapshot.items());
        ContentRecommender likeness = recommender instanceof HybridRecommender h ? h.content() : fitted(snapshot);
        Interactions.UserHistory history = snapshot.historyOf(profile);
        Set<String> interests = new HashSet<>(profile.interests());
        float[] scores = recommender.score(history, interests);
        Map<Integer, String> verbs = snapshot.strongestEvent().getOrDefault(profile.id(), Map.of());
        Set<Integer> excluded = snapshot.negatives().getOrDefault(profile.id(), Set.of());
        PlaylistBuilder.Explainer explain = (item, seen) -> explain(snapshot, profile, recommender, likeness, history,
                interests, verbs, item, seen);
        List<PlaylistEntry> entries = new PlaylistBuilder(snapshot.items(), likeness).build(scores, history, excluded, rules, explain);
        List<Item> items = entries.stream().map(e -> new Item(snapshot.assets().get(e.item()), snapshot.items().get(e.item()).title(),
                snapshot.items().get(e.item()).durationSec(), e.score(), e.explanation())).toList();
        return new Result(profile, recommender.id(), items, items.stream().mapToDouble(Item::durationSec).sum());
    }

    private static ContentRecommender fitted(CatalogSnapshot snapshot) {
        ContentRecommender c = new ContentRecommender();
        c.fit(snapshot.feedback(), snapshot.items());
        return c;
    }

    static String explain(CatalogSnapshot snapshot, ProfileRepository.Profile profile, Recommender recommender,
                          ContentRecommender likeness, Interactions.UserHistory history, Set<String> interests,
                          Map<Integer, String> verbs, int item, boolean seen) {
        if (seen) {
            return "again: " + profile.name() + " " + past(verbs.getOrDefault(item, "played")) + " it";
        }
        // A declared interest is the plainest reason a viewer can check, so it is named first.
        String interest = likeness.matchingInterest(item, interests);
        if (interest != null) {
            return "matches interest: " + interest;
        }
        int reason = recommender.strongestReason(history, item);
        // "Because Ana liked X" should mean something a viewer can check: X looks like the item, or another
        // viewer counted both as positives. A weight alone, in a catalog with a handful of viewers, is noise.
        if (reason >= 0 && likeness.tagSimilarity(reason, item) < ContentRecommender.LIKENESS_REASON
                && coPositives(snapshot, profile, reason, item) == 0) {
            reason = -1;
        }
        if (reason >= 0) {
            return "because " + profile.name() + " " + past(verbs.getOrDefault(reason, "played")) + " "
                    + snapshot.items().get(reason).title();
        }
        return history.size() == 0 || recommender instanceof PopularityRecommender ? "popular in the catalog"
                : "popular with similar viewers";
    }

    /** How many other viewers count both items as positives. */
    static int coPositives(CatalogSnapshot snapshot, ProfileRepository.Profile profile, int a, int b) {
        int self = snapshot.rowOf(profile);
        int count = 0;
        Interactions feedback = snapshot.feedback();
        for (int u = 0; u < feedback.users(); u++) {
            int[] items = feedback.itemsOf(u);
            if (u != self && Arrays.binarySearch(items, a) >= 0 && Arrays.binarySearch(items, b) >= 0) {
                count++;
            }
        }
        return count;
    }

    private static String past(String kind) {
        return switch (kind) {
            case "complete" -> "completed";
            case "like" -> "liked";
            default -> "played";
        };
    }
}
