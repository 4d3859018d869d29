package io.cutroom.cli;

import io.cutroom.catalog.CatalogCopy;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CatalogLocation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom catalog info | use WHERE | copy --to WHERE [--from WHERE]}: where the catalog is, choosing a shared
 * one for this data folder, and moving a catalog between SQLite and PostgreSQL. WHERE is
 * {@code postgresql://HOST:PORT/DB?user=NAME}, {@code sqlite} (this data folder's file) or a data folder.
 */
@Command(name = "catalog", description = "Where the catalog is; share it on PostgreSQL, or copy it between SQLite and PostgreSQL.",
        subcommands = {CatalogCommand.Info.class, CatalogCommand.Use.class, CatalogCommand.Copy.class})
final class CatalogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A place given on the command line: a PostgreSQL URL, {@code sqlite} for this data folder's file, or a folder. */
    static CatalogLocation place(String where, Path home) {
        if (where.startsWith("postgres")) return CatalogLocation.parse(where);
        if (where.equalsIgnoreCase("sqlite")) return new CatalogLocation.Embedded(home);
        return new CatalogLocation.Embedded(Path.of(where).toAbsolutePath());
    }

    @Command(name = "info", description = "Say where this data folder's catalog is and its schema version.")
    static final class Info implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (CatalogDb db = catalog.open()) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("catalog: " + Format.printable(db.location().describe()));
                out.println("schema: " + db.schemaVersion());
                out.println("shared: " + (db.shared() ? "yes" : "no"));
            }
            return 0;
        }
    }

    @Command(name = "use", description = "Open this catalog from now on in this data folder: postgresql://HOST:PORT/DB?user=NAME,"
            + " or sqlite for the file. CUTROOM_CATALOG overrides it.")
    static final class Use implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Parameters(index = "0", paramLabel = "WHERE")
        String where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path home = catalog.home();
            CatalogLocation chosen = where.equalsIgnoreCase("sqlite") ? new CatalogLocation.Embedded(home) : CatalogLocation.parse(where);
            try (CatalogDb db = CatalogDb.open(chosen)) { // reached, and migrated, before it is saved
                CatalogLocation.saveChoice(home, db.shared() ? (CatalogLocation.Shared) chosen : null);
                spec.commandLine().getOut().println("this data folder now opens " + Format.printable(db.location().describe()));
            }
            return 0;
        }
    }

    @Command(name = "copy", description = "Copy every row, thumbnail and job of a catalog into an empty one, and check"
            + " each table by counts and checksums.")
    static final class Copy implements Callable<Integer> {
        @Mixin
        CatalogOptions catalog;

        @Option(names = "--to", required = true, paramLabel = "WHERE",
                description = "postgresql://HOST:PORT/DB?user=NAME, sqlite (this data folder's file) or another data folder.")
        String to;

        @Option(names = "--from", paramLabel = "WHERE", description = "The catalog to copy (default: this data folder's).")
        String from;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path home = catalog.home();
            CatalogLocation source = from == null ? CatalogLocation.in(home) : place(from, home);
            CatalogLocation target = place(to, home);
            PrintWriter out = spec.commandLine().getOut();
            CatalogCopy.Result result;
            try (CatalogDb a = CatalogDb.open(source); CatalogDb b = CatalogDb.open(target)) {
                result = CatalogCopy.copy(a, b);
            }
            out.println("copied " + Format.printable(source.describe()) + " to " + Format.printable(target.describe()));
            out.printf(Locale.ROOT, "  %-20s %9s %9s  %s%n", "TABLE", "SOURCE", "COPIED", "CHECKSUM");
            for (CatalogCopy.TableResult t : result.tables()) {
                out.printf(Locale.ROOT, "  %-20s %9d %9d  %s%n", t.table(), t.sourceRows(), t.targetRows(),
                        t.matches() ? t.targetChecksum() + " matches" : t.sourceChecksum() + " != " + t.targetChecksum());
            }
            if (!result.complete()) {
                spec.commandLine().getErr().println("cutroom: the copy does not match its source in the tables marked above.");
                return CutroomCli.EXIT_ERROR;
            }
            out.printf(Locale.ROOT, "every row arrived: %d tables, %d rows%n", result.tables().size(), result.rows());
            return 0;
        }
    }
}
