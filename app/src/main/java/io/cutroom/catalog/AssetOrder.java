package io.cutroom.catalog;

import java.util.Comparator;
import java.util.Locale;

/** The orders the library offers; each falls back to the id so equal keys keep a stable order. */
public enum AssetOrder {
    NEWEST("Newest first", Comparator.comparing(Asset::importedAt).reversed()),
    OLDEST("Oldest first", Comparator.comparing(Asset::importedAt)),
    NAME("Name", Comparator.comparing(a -> a.fileName().toLowerCase(Locale.ROOT))),
    LONGEST("Longest first", Comparator.comparing(AssetOrder::duration).reversed()),
    KIND("Kind", Comparator.comparing(a -> a.kind() == null ? "~" : a.kind().id()));

    private final String label;
    private final Comparator<Asset> comparator;

    AssetOrder(String label, Comparator<Asset> comparator) {
        this.label = label;
        this.comparator = comparator.thenComparingLong(Asset::id);
    }

    public String label() {
        return label;
    }

    public Comparator<Asset> comparator() {
        return comparator;
    }

    private static double duration(Asset asset) {
        return asset.info() == null || asset.info().durationSec() == null ? -1 : asset.info().durationSec();
    }
}
