package io.cutroom.eval;

import io.cutroom.bench.MachineDescription;
import io.cutroom.cli.CutroomCli;
import io.cutroom.eval.playlists.MovieLensCsv;
import io.cutroom.eval.playlists.RankingEvaluation;
import io.cutroom.playlists.ContentRecommender;
import io.cutroom.playlists.Recommenders;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutroom eval playlists --ratings ratings.csv --items items.csv}: every recommender on real ratings, same split. */
@Command(name = "playlists", description = "Recommenders on MovieLens-style ratings, held-out users, against popularity.")
final class PlaylistEval implements Callable<Integer> {
    @Option(names = "--ratings", required = true, paramLabel = "ratings.csv", description = "user,item,rating,timestamp")
    Path ratings;

    @Option(names = "--items", required = true, paramLabel = "items.csv", description = "item,title,year,genres")
    Path items;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the user split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : List.of(ratings, items)) {
            if (!Files.isRegularFile(file)) {
                err.println("cutroom: " + file + " is not a file.");
                return CutroomCli.EXIT_ERROR;
            }
        }
        MovieLensCsv.Data data;
        try {
            data = MovieLensCsv.read(ratings, items);
        } catch (IOException e) {
            err.println("cutroom: the ratings could not be read: " + e.getMessage());
            return CutroomCli.EXIT_ERROR;
        }
        RankingEvaluation.Split split = RankingEvaluation.split(data, seed);
        ContentRecommender likeness = new ContentRecommender();
        likeness.fit(split.training(), data.items());
        out.printf("machine: %s%n", MachineDescription.describe());
        out.printf(Locale.ROOT, "inputs: %s (%d positives from %d users), %s (%d items)%n", ratings.getFileName(),
                data.positivesByUser().values().stream().mapToInt(List::size).sum(), data.positivesByUser().size(),
                items.getFileName(), data.items().size());
        out.println(RankingEvaluation.protocol(seed, split));
        out.println("diversity: mean of 1 - genre cosine over pairs in each top 10; coverage: share of all items in any top 10;"
                + " latency: scoring plus top 20 per user; playlist: that plus a 20-item MMR playlist");
        out.printf("%n%-9s %9s %10s %9s %10s %8s %9s %9s %12s%n", "method", "NDCG@10", "Recall@20", "coverage",
                "diversity", "fit s", "p50 ms", "p99 ms", "playlist p99");
        double popular = Double.NaN;
        for (String id : List.of("popular", "itemknn", "ease", "content", "hybrid")) {
            RankingEvaluation.Result r = RankingEvaluation.evaluate(Recommenders.create(id), split, data.items(), likeness);
            if (id.equals("popular")) {
                popular = r.ndcg10();
            }
            out.printf(Locale.ROOT, "%-9s %9.4f %10.4f %9.4f %10.4f %8.2f %9.2f %9.2f %12.2f%s%n", r.id(), r.ndcg10(), r.recall20(),
                    r.coverage(), r.diversity(), r.fitSec(), r.p50Ms(), r.p99Ms(), r.playlistP99Ms(),
                    id.equals("popular") ? "" : String.format(Locale.ROOT, "   (%.2fx popular)", r.ndcg10() / popular));
            out.flush();
        }
        return 0;
    }
}
