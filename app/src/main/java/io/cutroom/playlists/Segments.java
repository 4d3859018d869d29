package io.cutroom.playlists;

import io.cutroom.catalog.ProfileRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Viewer segments: each profile becomes a taste vector over tags (the tags of what they count as positive,
 * weighted, plus their declared interests), normalised; k-means (k-means++ start, fixed seed) groups the
 * vectors, and each group is described by the tags that weigh most in its centre.
 */
public final class Segments {
    static final int ITERATIONS = 50;
    static final int TOP_TAGS = 3;
    static final double INTEREST_WEIGHT = 2;

    public record Segment(int index, List<String> members, List<String> topTags) {
    }

    private Segments() {
    }

    /** A sensible number of segments for this many profiles: one per two, from 1 to 6. */
    public static int defaultCount(int profiles) {
        return Math.max(1, Math.min(6, (profiles + 1) / 2));
    }

    public static List<Segment> of(CatalogSnapshot snapshot, int k, long seed) {
        List<ProfileRepository.Profile> profiles = snapshot.profiles();
        if (profiles.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        for (ItemInfo item : snapshot.items()) {
            item.tags().keySet().forEach(t -> vocabulary.putIfAbsent(t, vocabulary.size()));
        }
        profiles.forEach(p -> p.interests().forEach(t -> vocabulary.putIfAbsent(t, vocabulary.size())));
        // Tags on most of the catalog ("live action") say nothing about a group: describe by weight times rarity.
        double[] rarity = new double[vocabulary.size()];
        int[] documents = new int[vocabulary.size()];
        for (ItemInfo item : snapshot.items()) {
            item.tags().keySet().forEach(t -> documents[vocabulary.get(t)]++);
        }
        for (int t = 0; t < rarity.length; t++) {
            rarity[t] = Math.log((1.0 + snapshot.items().size()) / (1.0 + documents[t]));
        }
        List<String> names = new ArrayList<>(vocabulary.keySet());
        names.sort(Comparator.comparing(vocabulary::get));
        float[][] vectors = new float[profiles.size()][];
        for (int p = 0; p < profiles.size(); p++) {
            float[] v = new float[vocabulary.size()];
            Interactions.UserHistory h = snapshot.historyOf(profiles.get(p));
            for (int k2 = 0; k2 < h.size(); k2++) {
                for (Map.Entry<String, Double> tag : snapshot.items().get(h.items()[k2]).tags().entrySet()) {
                    v[vocabulary.get(tag.getKey())] += (float) (h.weights()[k2] * tag.getValue());
                }
            }
            for (String interest : profiles.get(p).interests()) {
                v[vocabulary.get(interest)] += (float) INTEREST_WEIGHT;
            }
            vectors[p] = ContentRecommender.normalise(v);
        }
        int clusters = Math.max(1, Math.min(k, profiles.size()));
        int[] assignment = kMeans(vectors, clusters, new Random(seed));
        List<Segment> segments = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            float[] centre = new float[vocabulary.size()];
            List<String> members = new ArrayList<>();
            for (int p = 0; p < profiles.size(); p++) {
                if (assignment[p] == c) {
                    members.add(profiles.get(p).name());
                    for (int t = 0; t < centre.length; t++) {
                        centre[t] += vectors[p][t];
                    }
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            List<Integer> order = new ArrayList<>();
            for (int t = 0; t < centre.length; t++) {
                if (centre[t] > 0 && rarity[t] > 0) {
                    order.add(t);
                }
            }
            order.sort((a, b) -> Double.compare(centre[b] * rarity[b], centre[a] * rarity[a]));
            segments.add(new Segment(segments.size() + 1, members,
                    order.stream().limit(TOP_TAGS).map(names::get).toList()));
        }
        return segments;
    }

    static int[] kMeans(float[][] points, int k, Random random) {
        int n = points.length;
        int dims = points[0].length;
        float[][] centres = new float[k][];
        centres[0] = points[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int p = 0; p < n; p++) {
                nearest[p] = Double.MAX_VALUE;
                for (int j = 0; j < c; j++) {
                    nearest[p] = Math.min(nearest[p], distance(points[p], centres[j]));
                }
                total += nearest[p];
            }
            double pick = random.nextDouble() * total;
            int chosen = n - 1;
            for (int p = 0; p < n; p++) {
                pick -= nearest[p];
                if (pick <= 0) {
                    chosen = p;
                    break;
                }
            }
            centres[c] = points[chosen].clone();
        }
        int[] assignment = new int[n];
        for (int round = 0; round < ITERATIONS; round++) {
            boolean moved = false;
            for (int p = 0; p < n; p++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (distance(points[p], centres[c]) < distance(points[p], centres[best])) {
                        best = c;
                    }
                }
                moved |= assignment[p] != best || round == 0;
                assignment[p] = best;
            }
            if (!moved) {
                break;
            }
            for (int c = 0; c < k; c++) {
                float[] sum = new float[dims];
                int count = 0;
                for (int p = 0; p < n; p++) {
                    if (assignment[p] == c) {
                        for (int d = 0; d < dims; d++) {
                            sum[d] += points[p][d];
                        }
                        count++;
                    }
                }
                if (count > 0) {
                    for (int d = 0; d < dims; d++) {
                        sum[d] /= count;
                    }
                    centres[c] = sum;
                }
            }
        }
        return assignment;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            s += diff * diff;
        }
        return s;
    }
}
