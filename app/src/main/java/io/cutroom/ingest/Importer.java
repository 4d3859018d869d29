package io.cutroom.ingest;

import io.cutroom.audio.WaveformMaker;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.AssetRepository.FileFacts;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ProbeException;
import io.cutroom.media.Thumbnail;
import io.cutroom.media.ThumbnailMaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one file into the catalog: hash it, recognise a copy, probe it, make its pictures, save it.
 * Any failure of one file becomes that file's {@link ImportOutcome.Failed}; it never escapes to stop the rest.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final AssetRepository assets;
    private final JavaCvProbe probe = new JavaCvProbe();
    private final ThumbnailMaker thumbnails = new ThumbnailMaker();
    private final WaveformMaker waveforms = new WaveformMaker();

    public Importer(CatalogDb db) {
        this.assets = new AssetRepository(db);
    }

    public ImportOutcome importFile(Path file) {
        Path path;
        FileFacts facts;
        try {
            path = file.toRealPath();
            facts = new FileFacts(path, Files.size(path), ContentHash.sha256(path));
        } catch (IOException e) {
            return new ImportOutcome.Failed(file, "the file could not be read: " + describe(e), null);
        }
        Optional<Asset> sameBytes = assets.findBySha256(facts.sha256());
        if (sameBytes.isPresent() && sameBytes.get().isReady()) {
            return new ImportOutcome.Duplicate(sameBytes.get().id(), path, sameBytes.get().path());
        }
        // A failed row with the same bytes, or an older version at the same path, is refreshed in place.
        Long replacing = sameBytes.map(Asset::id).or(() -> assets.findByPath(path).map(Asset::id)).orElse(null);
        try {
            MediaInfo info = probe.probe(path);
            List<Thumbnail> pictures = pictures(path, info);
            long id = assets.saveReady(facts, info, pictures, replacing);
            return new ImportOutcome.Imported(id, path);
        } catch (ProbeException e) {
            return failed(facts, e.getMessage(), replacing);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure importing {}", path, e);
            return failed(facts, "an unexpected error stopped the import of this file (" + e + ")", replacing);
        }
    }

    private List<Thumbnail> pictures(Path path, MediaInfo info) throws ProbeException {
        List<Thumbnail> result = new ArrayList<>(thumbnails.make(path, info));
        if (info.kind() == MediaKind.AUDIO) {
            result.add(waveforms.make(path, info));
        }
        return result;
    }

    private ImportOutcome failed(FileFacts facts, String reason, Long replacing) {
        MediaKind guess = MediaKind.guessFromName(facts.path().getFileName().toString()).orElse(null);
        long id = assets.saveFailed(facts, guess, reason, replacing);
        return new ImportOutcome.Failed(facts.path(), reason, id);
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
