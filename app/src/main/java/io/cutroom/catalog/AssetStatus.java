package io.cutroom.catalog;

import java.util.Locale;

/** Ready assets can be used; failed ones stay in the catalog with the reason, so nothing is silently lost. */
public enum AssetStatus {
    READY, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssetStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
