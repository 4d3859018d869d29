package io.cutroom.ui.library;

import io.cutroom.catalog.Asset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which assets' files are missing, for the Offline badge. The library reads the catalog again at every change, up to
 * four times a second; looking at 100,000 files each time would be slow on a network drive. So a path is looked at
 * when it is new to the library, and every path again once {@link #RECHECK_MILLIS} have passed. Relinking changes the
 * paths it finds, so those are looked at at once.
 */
final class FilePresence {
    static final long RECHECK_MILLIS = 30_000;

    private final Map<Long, Path> checked = new HashMap<>();
    private final Set<Long> missing = new HashSet<>();
    private long checkedAt;

    /** Every path is looked at again at the next read (File ▸ Find Missing Files). */
    synchronized void forget() {
        checkedAt = 0;
    }

    synchronized Set<Long> offline(List<Asset> assets) {
        boolean again = System.currentTimeMillis() - checkedAt > RECHECK_MILLIS;
        if (again) {
            checked.clear();
            missing.clear();
            checkedAt = System.currentTimeMillis();
        }
        Set<Long> present = new HashSet<>();
        for (Asset a : assets) {
            present.add(a.id());
            if (!a.path().equals(checked.get(a.id()))) {
                checked.put(a.id(), a.path());
                if (Files.exists(a.path())) {
                    missing.remove(a.id());
                } else {
                    missing.add(a.id());
                }
            }
        }
        checked.keySet().retainAll(present);
        missing.retainAll(present);
        return Set.copyOf(missing);
    }
}
