package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.playlists.PlaylistRules;
import io.cutroom.playlists.PlaylistService;
import io.cutroom.usecases.Workspace;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom playlist NAME [--minutes 30] [--recommender hybrid|ease|itemknn|content|popular] [--json]}:
 * a personalized playlist with an explanation per item; JSON items are {id, title, duration, score, explanation}.
 */
@Command(name = "playlist", description = "Build a personalized playlist for a viewer profile.")
final class PlaylistCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "NAME", description = "Profile name.")
    String name;

    @Option(names = "--minutes", defaultValue = "30", description = "Target length (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--recommender", defaultValue = "hybrid", description = "hybrid, ease, itemknn, content or popular (default: ${DEFAULT-VALUE}).")
    String recommender;

    @Option(names = "--kind", description = "Only this kind: video, audio or image.")
    String kind;

    @Option(names = "--tags", split = ",", paramLabel = "TAG,...", description = "Only items with at least one of these tags.")
    String[] tags;

    @Option(names = "--max-clip", paramLabel = "SEC", description = "Leave out items longer than this.")
    Double maxClip;

    @Option(names = "--save", description = "Keep the playlist in the catalog.")
    boolean save;

    @Option(names = "--json", description = "Print [{id, title, duration, score, explanation}].")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CatalogDb db = catalog.open()) {
            PlaylistRules rules = PlaylistRules.minutes(minutes).withKind(kind)
                    .withTags(tags == null ? Set.of() : new HashSet<>(Arrays.asList(tags)))
                    .withMaxClip(maxClip == null ? 0 : maxClip);
            PlaylistService playlists = new Workspace(db).playlists();
            PlaylistService.Result result = playlists.build(name, recommender, rules);
            List<Map<String, Object>> rows = PlaylistService.rows(result);
            if (save) {
                playlists.save(result, minutes);
            }
            if (json) {
                out.println(Json.write(rows));
            } else {
                out.printf(Locale.ROOT, "%s, %s, %d items, %s of %s asked%n", result.profile().name(), result.recommender(),
                        rows.size(), Format.duration(result.totalSec()), Format.duration(minutes * 60));
                for (PlaylistService.Item i : result.items()) {
                    out.printf(Locale.ROOT, "%5d  %-32s %8s  %.3f  %s%n", i.asset().id(), i.title(), Format.duration(i.durationSec()),
                            i.score(), i.explanation());
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("cutroom: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        }
    }
}
