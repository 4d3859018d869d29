package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ProfileRepository;
import io.cutroom.jobs.ErrorSentence;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cutroom profile add NAME [--interests tag,...]} and {@code cutroom profile list [--json]}. */
@Command(name = "profile", description = "Viewer profiles for personalized playlists.",
        subcommands = {ProfileCommand.Add.class, ProfileCommand.ListProfiles.class})
final class ProfileCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Add a viewer profile.")
    static final class Add implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--interests", paramLabel = "TAG,...", split = ",", description = "Declared interests, as tags (dog, bird, close-up...).")
        String[] interests;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (CatalogDb db = catalog.open()) {
                ProfileRepository.Profile p = new ProfileRepository(db).add(name,
                        interests == null ? List.of() : Arrays.asList(interests), false);
                spec.commandLine().getOut().printf("profile %d %s%s%n", p.id(), p.name(),
                        p.interests().isEmpty() ? "" : " interests " + String.join(",", p.interests()));
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("cutroom: " + ErrorSentence.of(e));
                return CutroomCli.EXIT_ERROR;
            }
        }
    }

    @Command(name = "list", description = "List viewer profiles.")
    static final class ListProfiles implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Option(names = "--json", description = "Print [{id, name, interests, demo}].")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (CatalogDb db = catalog.open()) {
                List<ProfileRepository.Profile> all = new ProfileRepository(db).all();
                if (json) {
                    out.println(Json.write(all.stream().map(p -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", p.id());
                        m.put("name", p.name());
                        m.put("interests", p.interests());
                        m.put("demo", p.demo());
                        return m;
                    }).toList()));
                } else {
                    for (ProfileRepository.Profile p : all) {
                        out.printf("%4d  %-24s %s%s%n", p.id(), p.name(), String.join(",", p.interests()), p.demo() ? "  (demo)" : "");
                    }
                }
                return 0;
            }
        }
    }
}
