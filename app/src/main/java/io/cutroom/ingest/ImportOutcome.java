package io.cutroom.ingest;

import java.nio.file.Path;

/** How one file's import ended. Every file given to an import ends as exactly one of these. */
public sealed interface ImportOutcome {
    Path path();

    /** The file is in the catalog as a new or refreshed row. */
    record Imported(long assetId, Path path) implements ImportOutcome {
    }

    /** The same bytes are already in the catalog, as {@code assetId} at {@code existingPath}. */
    record Duplicate(long assetId, Path path, Path existingPath) implements ImportOutcome {
    }

    /** The file could not be imported; {@code assetId} is its failed row, when one could be written. */
    record Failed(Path path, String reason, Long assetId) implements ImportOutcome {
    }
}
