package io.cutroom.usecases;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.ingest.ContentHash;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.ingest.Importer;
import io.cutroom.jobs.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds catalog files again after they were moved or renamed outside Cutroom: the files in a folder the editor
 * names are matched to offline assets by content hash, and the rows follow them (tags, grades, reframes, logs,
 * collections hang on the asset's id). A file at a known path whose bytes changed is probed again in place.
 */
public final class Relinker {
    private final CatalogDb db;

    public Relinker(CatalogDb db) {
        this.db = db;
    }

    public record Moved(long assetId, Path from, Path to) {
    }

    public record Changed(long assetId, Path path, ImportOutcome outcome) {
    }

    /** What relinking did, and the assets whose files are still nowhere to be found. */
    public record Report(List<Moved> moved, List<Changed> changed, List<Asset> offline) {
    }

    /** Assets whose file is not at its path any more. */
    public List<Asset> offline() {
        return new AssetRepository(db).all().stream().filter(a -> !Files.exists(a.path())).toList();
    }

    public Report relink(Path folder, JobContext ctx) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder.");
        }
        AssetRepository assets = new AssetRepository(db);
        List<Asset> all = assets.all();
        Map<String, Asset> offlineByHash = new HashMap<>();
        Set<Long> offlineSizes = new HashSet<>();
        Map<Path, Asset> byPath = new HashMap<>();
        for (Asset a : all) {
            if (Files.exists(a.path())) {
                byPath.put(a.path(), a);
            } else {
                offlineByHash.put(a.sha256(), a);
                offlineSizes.add(a.sizeBytes());
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".xmp")).sorted().toList();
        }
        List<Moved> moved = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        Importer importer = new Importer(db);
        int done = 0;
        for (Path file : files) {
            ctx.checkCancelled();
            ctx.progress(done++, files.size(), file.getFileName().toString());
            Path real = file.toRealPath();
            long size = Files.size(real);
            Asset known = byPath.get(real);
            if (known != null) {
                if (size != known.sizeBytes() || !ContentHash.sha256(real).equals(known.sha256())) {
                    changed.add(new Changed(known.id(), real, importer.importFile(real)));
                }
                continue;
            }
            if (!offlineSizes.contains(size)) {
                continue; // no offline asset has this size: no need to read the file
            }
            Asset match = offlineByHash.remove(ContentHash.sha256(real));
            if (match != null) {
                assets.relocate(match.id(), real);
                moved.add(new Moved(match.id(), match.path(), real));
            }
        }
        ctx.progress(files.size(), files.size(), "Done");
        return new Report(moved, changed, List.copyOf(offlineByHash.values()));
    }
}
