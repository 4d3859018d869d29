package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ProfileRepository;
import io.cutroom.jobs.ErrorSentence;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutroom event NAME ID play|complete|skip|like|dislike [--position SEC]}: records what a viewer did. */
@Command(name = "event", description = "Record a viewer's play, complete, skip, like or dislike of a catalog item.")
final class EventCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "NAME", description = "Profile name.")
    String name;

    @Parameters(index = "1", paramLabel = "ID", description = "Asset id.")
    long id;

    @Parameters(index = "2", paramLabel = "KIND", description = "play, complete, skip, like or dislike.")
    String kind;

    @Option(names = "--position", paramLabel = "SEC", description = "Where playback was, in seconds.")
    Double position;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (CatalogDb db = catalog.open()) {
            ProfileRepository profiles = new ProfileRepository(db);
            var profile = profiles.find(name);
            if (profile.isEmpty()) {
                spec.commandLine().getErr().println("cutroom: there is no profile called " + name + ".");
                return CutroomCli.EXIT_ERROR;
            }
            Asset asset = CatalogOptions.findOrSay(db, id, spec.commandLine().getErr());
            if (asset == null) {
                return CutroomCli.EXIT_ERROR;
            }
            profiles.record(profile.get().id(), id, kind.toLowerCase(Locale.ROOT), position);
            spec.commandLine().getOut().printf("%s %s %d %s%n", profile.get().name(), kind.toLowerCase(Locale.ROOT), id,
                    asset.fileName());
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("cutroom: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        }
    }
}
