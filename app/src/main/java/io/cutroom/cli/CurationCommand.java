package io.cutroom.cli;

import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.usecases.Curation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every curating command shares: the catalog, the use case, and a change that cannot be kept (no such
 * asset, five stars at most, a search that cannot be read) said in a sentence with exit code 1.
 */
abstract class CurationCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    /** The command's work; returns its exit code. */
    abstract int run(CatalogDb db, Curation curation, PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        try (CatalogDb db = catalog.open()) {
            return run(db, new Curation(db), spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("cutroom: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        }
    }

    /** "12 harbour.mov: 3 stars, pick, red", what the log of an asset now says. */
    static String logLine(CatalogDb db, long assetId, AssetLog log) {
        String name = new AssetRepository(db).find(assetId).map(a -> Format.printable(a.fileName())).orElse("");
        List<String> parts = new ArrayList<>();
        parts.add(log.rating() + (log.rating() == 1 ? " star" : " stars"));
        parts.add(log.flag() == AssetLog.Flag.NONE ? "no flag" : log.flag().id());
        parts.add(log.label() == null ? "no label" : log.label().id());
        if (log.description() != null) {
            parts.add("\"" + Format.printable(log.description()) + "\"");
        }
        return assetId + " " + name + ": " + String.join(", ", parts);
    }
}
