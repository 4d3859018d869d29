package io.cutroom.cli;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CollectionRepository.Collection;
import io.cutroom.usecases.Curation;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom collection create NAME [--smart QUERY] | add NAME ID... | list [--json] | show NAME [--json]}.
 * A name may be a path, "Folder/Name"; a smart collection holds whatever its search finds.
 */
@Command(name = "collection", description = "Group assets in collections (bins), manual or smart.",
        subcommands = {CollectionCommand.Create.class, CollectionCommand.Add.class, CollectionCommand.ListAll.class,
                CollectionCommand.Show.class})
final class CollectionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", description = "Create a collection; with --smart, one that holds what a search finds.")
    static final class Create extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Its name, or Folder/Name.")
        String name;

        @Option(names = "--smart", paramLabel = "QUERY",
                description = "A search such as \"tag:dog rating>=3 not flag:reject\" (see docs/curating.md).")
        String smart;

        @Override
        int run(CatalogDb db, Curation curation, PrintWriter out) {
            Collection c = curation.createCollection(name, smart);
            out.println("created collection " + Format.printable(name.strip()) + (c.isSmart() ? " (smart: " + c.smart() + ")" : ""));
            return 0;
        }
    }

    @Command(name = "add", description = "Put assets in a manual collection.")
    static final class Add extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The collection.")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "Asset ids.")
        List<Long> ids;

        @Override
        int run(CatalogDb db, Curation curation, PrintWriter out) {
            int added = curation.addToCollection(name, ids);
            out.printf(Locale.ROOT, "added %d of %d to %s%n", added, ids.size(), Format.printable(name.strip()));
            return 0;
        }
    }

    @Command(name = "list", description = "List the collections, with how many assets each holds.")
    static final class ListAll extends CurationCommand {
        @Option(names = "--json", description = "Print [{name, path, kind, query, count}].")
        boolean json;

        @Override
        int run(CatalogDb db, Curation curation, PrintWriter out) {
            List<Curation.Listed> all = curation.collections();
            if (json) {
                out.println(Json.write(all.stream().map(CollectionCommand::toJson).toList()));
                return 0;
            }
            for (Curation.Listed l : all) {
                out.printf(Locale.ROOT, "%-32s %-6s %6d%s%n", Format.printable(l.path()), kind(l.collection()), l.count(),
                        l.collection().isSmart() ? "  " + Format.printable(l.collection().smart()) : "");
            }
            return 0;
        }
    }

    @Command(name = "show", description = "List what a collection holds.")
    static final class Show extends CurationCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The collection.")
        String name;

        @Option(names = "--json", description = "Print {name, path, kind, query, assets: [{id, path, kind, rating, flag, label}]}.")
        boolean json;

        @Override
        int run(CatalogDb db, Curation curation, PrintWriter out) {
            Collection c = curation.collection(name);
            List<Asset> members = curation.members(name);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", c.name());
                result.put("path", name.strip());
                result.put("kind", kind(c));
                result.put("query", c.smart());
                result.put("assets", members.stream().map(a -> member(a, curation.log(a.id()))).toList());
                out.println(Json.write(result));
                return 0;
            }
            for (Asset a : members) {
                AssetLog log = curation.log(a.id());
                out.printf(Locale.ROOT, "%5d  %-5s  %s  %s%n", a.id(), a.kind() == null ? "-" : a.kind().id(),
                        "*".repeat(log.rating()) + ".".repeat(5 - log.rating()), Format.printable(a.path()));
            }
            return 0;
        }
    }

    private static String kind(Collection c) {
        return c.isSmart() ? "smart" : "manual";
    }

    private static Map<String, Object> toJson(Curation.Listed l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", l.collection().name());
        json.put("path", l.path());
        json.put("kind", kind(l.collection()));
        json.put("query", l.collection().smart());
        json.put("count", l.count());
        return json;
    }

    private static Map<String, Object> member(Asset a, AssetLog log) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("path", a.path().toString());
        json.put("kind", a.kind() == null ? null : a.kind().id());
        json.put("rating", log.rating());
        json.put("flag", log.flag().id());
        json.put("label", log.label() == null ? null : log.label().id());
        return json;
    }
}
