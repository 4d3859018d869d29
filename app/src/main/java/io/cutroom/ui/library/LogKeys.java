package io.cutroom.ui.library;

import io.cutroom.catalog.AssetLog;
import io.cutroom.usecases.Curation;
import java.util.Optional;
import javafx.scene.input.KeyCode;

/**
 * The keys editors know from Lightroom and Bridge for logging: 0 to 5 set the stars, P picks, X rejects, U takes
 * the flag off, and 6 to 9 set the red, yellow, green and blue labels (the same key again takes the label off).
 */
public final class LogKeys {
    private LogKeys() {
    }

    /** What a key does to one asset's log. */
    public interface Change {
        void apply(Curation curation, long assetId);
    }

    public static Optional<Change> of(KeyCode key) {
        int digit = digit(key);
        if (digit >= 0 && digit <= 5) {
            return Optional.of((curation, id) -> curation.rate(id, digit));
        }
        if (digit >= 6) {
            AssetLog.Label label = AssetLog.Label.values()[digit - 6];
            return Optional.of((curation, id) -> curation.label(id, curation.log(id).label() == label ? null : label));
        }
        return switch (key) {
            case P -> Optional.of((curation, id) -> curation.flag(id, AssetLog.Flag.PICK));
            case X -> Optional.of((curation, id) -> curation.flag(id, AssetLog.Flag.REJECT));
            case U -> Optional.of((curation, id) -> curation.flag(id, AssetLog.Flag.NONE));
            default -> Optional.empty();
        };
    }

    /** The digit on a key of the main row or the number pad, or -1. */
    private static int digit(KeyCode key) {
        if (key.isDigitKey()) {
            String name = key.getName();
            char last = name.charAt(name.length() - 1);
            return Character.isDigit(last) ? last - '0' : -1;
        }
        return -1;
    }
}
