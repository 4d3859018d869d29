package io.cutroom.catalog;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** One render of an asset, as the studio lists it: where it went, how, and how it ended. */
public record RenderRecord(long id, long assetId, Path output, String preset, String settingsJson, Status status,
                           Integer width, Integer height, Long frames, Double durationSec, Double elapsedSec,
                           String error, Instant startedAt, Instant finishedAt) {

    public enum Status {
        RUNNING, DONE, FAILED, CANCELLED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
