package io.cutroom.cli;

import io.cutroom.catalog.TestCatalogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One CLI run in this JVM, as a user would type it, with what it printed and its exit code. */
record CliRun(int code, String out, String err) {
    /** Commands that work without a catalog, so take no {@code --home}. */
    private static final Set<String> WITHOUT_CATALOG = Set.of("tag-image", "reframe-file", "color-image", "eval", "bench");
    /** Commands whose options follow a second word ({@code profile add}). */
    private static final Set<String> TWO_WORDS = Set.of("profile", "collection");

    List<String> lines() {
        return out.isBlank() ? List.of() : List.of(out.strip().split("\\R"));
    }

    /** Runs the arguments as given. */
    static CliRun of(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CutroomCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs a command against the catalog in {@code home} ({@code --home} goes after the command's words). */
    static CliRun in(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0 && !WITHOUT_CATALOG.contains(args[0])) {
            TestCatalogs.prepare(home);
            all.add(TWO_WORDS.contains(args[0]) ? Math.min(2, all.size()) : 1, "--home=" + home);
        }
        return of(all);
    }
}
