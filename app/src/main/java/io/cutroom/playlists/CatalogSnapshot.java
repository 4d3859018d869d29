package io.cutroom.playlists;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ProfileRepository;
import io.cutroom.catalog.ShotEmbedding;
import io.cutroom.catalog.TagRepository;
import io.cutroom.media.MediaKind;
import io.cutroom.vision.TagThresholds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The catalog as the recommenders see it, read once: playable items (ready video, audio and stills, a still
 * counting as a {@link #STILL_SEC}-second slide) with their tags above threshold and mean shot embedding;
 * every profile's feedback as an implicit matrix; and per profile, what they did with each item.
 */
public record CatalogSnapshot(List<Asset> assets, List<ItemInfo> items, Map<Long, Integer> itemOf,
                              List<ProfileRepository.Profile> profiles, Interactions feedback,
                              Map<Long, Map<Integer, String>> strongestEvent, Map<Long, Set<Integer>> negatives) {
    public static final double STILL_SEC = 5;

    public static CatalogSnapshot load(CatalogDb db) {
        List<Asset> assets = new AssetRepository(db).all().stream()
                .filter(Asset::isReady).filter(a -> a.kind() != null).toList();
        TagRepository tagRepository = new TagRepository(db);
        Map<Long, Map<String, Double>> tags = tagRepository.bestPerAsset();
        TagThresholds thresholds = TagThresholds.of(db);
        Map<Long, float[]> embeddings = meanEmbeddings(tagRepository.embeddings());
        List<ItemInfo> items = new ArrayList<>();
        Map<Long, Integer> itemOf = new HashMap<>();
        for (Asset a : assets) {
            Map<String, Double> passing = new LinkedHashMap<>();
            tags.getOrDefault(a.id(), Map.of()).forEach((tag, confidence) -> {
                if (confidence >= thresholds.of(tag)) {
                    passing.put(tag, confidence);
                }
            });
            double duration = a.kind() == MediaKind.IMAGE ? STILL_SEC
                    : a.info().durationSec() == null ? 0 : a.info().durationSec();
            itemOf.put(a.id(), items.size());
            items.add(new ItemInfo(a.id(), a.fileName(), duration, a.kind().name().toLowerCase(Locale.ROOT), passing,
                    embeddings.get(a.id())));
        }
        ProfileRepository repository = new ProfileRepository(db);
        List<ProfileRepository.Profile> profiles = repository.all();
        Map<Long, Integer> row = new HashMap<>();
        Interactions.Builder builder = new Interactions.Builder(items.size());
        for (ProfileRepository.Profile p : profiles) {
            row.put(p.id(), builder.addUser());
        }
        Map<Long, Map<Integer, Float>> sums = new HashMap<>();
        Map<Long, Map<Integer, String>> strongest = new HashMap<>();
        for (ProfileRepository.Event e : repository.events()) {
            Integer item = itemOf.get(e.assetId());
            Integer user = row.get(e.profileId());
            if (item == null || user == null) {
                continue;
            }
            float w = FeedbackWeights.of(e.kind());
            builder.add(user, item, w);
            sums.computeIfAbsent(e.profileId(), k -> new HashMap<>()).merge(item, w, Float::sum);
            if (w > 0) {
                strongest.computeIfAbsent(e.profileId(), k -> new HashMap<>()).merge(item, e.kind(),
                        (old, now) -> FeedbackWeights.of(now) > FeedbackWeights.of(old) ? now : old);
            }
        }
        Map<Long, Set<Integer>> negatives = new HashMap<>();
        sums.forEach((profile, perItem) -> perItem.forEach((item, sum) -> {
            if (sum < 0) {
                negatives.computeIfAbsent(profile, k -> new HashSet<>()).add(item);
            }
        }));
        return new CatalogSnapshot(assets, items, itemOf, profiles, builder.build(), strongest, negatives);
    }

    /** The row of a profile in the feedback matrix (profiles are in {@link #profiles()} order). */
    public int rowOf(ProfileRepository.Profile profile) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id() == profile.id()) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown profile " + profile.name());
    }

    public Interactions.UserHistory historyOf(ProfileRepository.Profile profile) {
        int row = rowOf(profile);
        return Interactions.historyOf(feedback.itemsOf(row), feedback.weightsOf(row));
    }

    private static Map<Long, float[]> meanEmbeddings(List<ShotEmbedding> all) {
        Map<Long, float[]> sums = new HashMap<>();
        for (ShotEmbedding e : all) {
            float[] v = e.vector();
            float[] sum = sums.computeIfAbsent(e.assetId(), k -> new float[v.length]);
            if (sum.length == v.length) {
                for (int k = 0; k < v.length; k++) {
                    sum[k] += v[k];
                }
            }
        }
        sums.values().forEach(ContentRecommender::normalise);
        return sums;
    }
}
