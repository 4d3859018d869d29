package io.cutroom.vision;

import io.cutroom.catalog.ShotEmbedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * "More like this": cosine similarity between shot embeddings, computed on their byte codes (a 1280-byte
 * dot product per shot), keeping the best few in a small heap. One pass over 100k shots is a few tens of
 * milliseconds (measured by {@code cutroom bench tag}); no index is needed at a studio's scale.
 */
public final class SimilarShots {
    private final List<ShotEmbedding> shots;

    public SimilarShots(List<ShotEmbedding> shots) {
        this.shots = List.copyOf(shots);
    }

    public record Match(ShotEmbedding shot, double similarity) {
    }

    /** The most similar shots from other assets, best first. */
    public List<Match> like(ShotEmbedding query, int limit) {
        PriorityQueue<Match> best = new PriorityQueue<>(Comparator.comparingDouble(Match::similarity));
        byte[] q = query.codes();
        for (ShotEmbedding shot : shots) {
            if (shot.assetId() == query.assetId() || shot.codes().length != q.length) continue;
            double similarity = dot(q, shot.codes()) / ((double) query.scale() * shot.scale());
            if (best.size() < limit) {
                best.add(new Match(shot, similarity));
            } else if (similarity > best.peek().similarity()) {
                best.poll();
                best.add(new Match(shot, similarity));
            }
        }
        List<Match> out = new ArrayList<>(best);
        out.sort(Comparator.comparingDouble(Match::similarity).reversed());
        return out;
    }

    /** Other assets ranked by their best shot's similarity to any of the query's shots, best first. */
    public List<Match> likeAsset(List<ShotEmbedding> queryShots, int limit) {
        Map<Long, Match> bestPerAsset = new HashMap<>();
        for (ShotEmbedding query : queryShots) {
            for (Match m : like(query, limit * 4)) {
                bestPerAsset.merge(m.shot().assetId(), m, (a, b) -> a.similarity() >= b.similarity() ? a : b);
            }
        }
        return bestPerAsset.values().stream().sorted(Comparator.comparingDouble(Match::similarity).reversed())
                .limit(limit).toList();
    }

    static int dot(byte[] a, byte[] b) {
        int sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
