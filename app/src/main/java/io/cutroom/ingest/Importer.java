package io.cutroom.ingest;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository.FileFacts;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CatalogException;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaKind;
import io.cutroom.worker.MediaWorkers;
import io.cutroom.worker.WorkerException;
import io.cutroom.worker.WorkerTask;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one file into the catalog: hash it, recognise a copy, probe it and make its pictures in the media
 * worker (a decoder that crashes or hangs takes only the worker down), then save it here.
 * Any failure of one file becomes that file's {@link ImportOutcome.Failed}; it never escapes to stop the rest.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final AssetRepository assets;
    /** Probing and a few thumbnails take seconds; a minute of silence means the decoder is stuck. */
    private static final Duration PROBE_QUIET_LIMIT = Duration.ofSeconds(60);

    private final Function<String, WorkerTask<ProbeTask.Found>> decoding;

    public Importer(CatalogDb db) {
        this(db, ProbeTask::new);
    }

    /** For tests that put a misbehaving decoder in the worker; {@code decoding} gets the file's path. */
    Importer(CatalogDb db, Function<String, WorkerTask<ProbeTask.Found>> decoding) {
        this.assets = new AssetRepository(db);
        this.decoding = decoding;
    }

    public ImportOutcome importFile(Path file) {
        try {
            return importFile(file, file.toRealPath());
        } catch (IOException e) {
            return new ImportOutcome.Failed(file, "the file could not be read: " + describe(e), null);
        }
    }

    /**
     * Imports the file this machine reads at {@code local} as the catalog's {@code path}: a node imports a file of the
     * shared media through its own mount, and the catalog keeps the path the studio knows it by.
     */
    public ImportOutcome importFile(Path local, Path path) {
        FileFacts facts;
        try {
            facts = new FileFacts(path, Files.size(local), ContentHash.sha256(local));
        } catch (IOException e) {
            return new ImportOutcome.Failed(path, "the file could not be read: " + describe(e), null);
        }
        Optional<Asset> sameBytes = assets.findBySha256(facts.sha256());
        if (sameBytes.isPresent() && sameBytes.get().isReady()) {
            return new ImportOutcome.Duplicate(sameBytes.get().id(), path, sameBytes.get().path());
        }
        // A failed row with the same bytes, or an older version at the same path, is refreshed in place.
        Long replacing = sameBytes.map(Asset::id).or(() -> assets.findByPath(path).map(Asset::id)).orElse(null);
        try {
            ProbeTask.Found found = MediaWorkers.run(MediaWorkers.Kind.IMPORT, decoding.apply(local.toString()),
                    JobContext.NONE, PROBE_QUIET_LIMIT);
            long id = assets.saveReady(facts, found.info(), found.pictures(), replacing);
            return new ImportOutcome.Imported(id, path);
        } catch (WorkerException e) {
            return failed(facts, e.getMessage(), replacing);
        } catch (CatalogException e) {
            throw e; // the catalog takes no rows (a full disk): no failed row either; the import stops with the reason
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure importing {}", path, e);
            return failed(facts, "an unexpected error stopped the import of this file; the log has the details", replacing);
        }
    }

    private ImportOutcome failed(FileFacts facts, String reason, Long replacing) {
        MediaKind guess = MediaKind.guessFromName(facts.path().getFileName().toString()).orElse(null);
        long id = assets.saveFailed(facts, guess, reason, replacing);
        return new ImportOutcome.Failed(facts.path(), reason, id);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return ErrorSentence.of(e);
    }
}
