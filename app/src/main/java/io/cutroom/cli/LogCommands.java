package io.cutroom.cli;

import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.usecases.Curation;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Logging an asset as editors do: {@code rate}, {@code flag}, {@code label} and {@code note}, each printing the log after. */
final class LogCommands {
    private LogCommands() {
    }

    /** A change to one asset's log; the command prints the log as it then is. */
    abstract static class LogCommand extends CurationCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "Asset id.")
        long id;

        abstract AssetLog change(Curation curation);

        @Override
        final int run(CatalogDb db, Curation curation, PrintWriter out) {
            out.println(logLine(db, id, change(curation)));
            return 0;
        }
    }

    /** {@code cutroom rate ID STARS}. */
    @Command(name = "rate", description = "Rate an asset from 0 to 5 stars.")
    static final class Rate extends LogCommand {
        @Parameters(index = "1", paramLabel = "STARS", description = "0 to 5.")
        int stars;

        @Override
        AssetLog change(Curation curation) {
            return curation.rate(id, stars);
        }
    }

    /** {@code cutroom flag ID pick|reject|none}. */
    @Command(name = "flag", description = "Flag an asset as a pick or a reject, or take its flag off.")
    static final class Flag extends LogCommand {
        @Parameters(index = "1", paramLabel = "FLAG", description = "pick, reject or none.")
        String flag;

        @Override
        AssetLog change(Curation curation) {
            return curation.flag(id, AssetLog.Flag.parse(flag));
        }
    }

    /** {@code cutroom label ID COLOUR}. */
    @Command(name = "label", description = "Give an asset a colour label: red, yellow, green, blue, purple or none.")
    static final class Label extends LogCommand {
        @Parameters(index = "1", paramLabel = "COLOUR", description = "red, yellow, green, blue, purple or none.")
        String colour;

        @Override
        AssetLog change(Curation curation) {
            return curation.label(id, AssetLog.Label.parse(colour));
        }
    }

    /** {@code cutroom note ID TEXT}: the asset's description ("" clears it). */
    @Command(name = "note", description = "Write an asset's description (an empty text clears it).")
    static final class Note extends LogCommand {
        @Parameters(index = "1", paramLabel = "TEXT", description = "The description.")
        String text;

        @Override
        AssetLog change(Curation curation) {
            return curation.describe(id, text);
        }
    }
}
