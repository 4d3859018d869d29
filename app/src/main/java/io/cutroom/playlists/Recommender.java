package io.cutroom.playlists;

import java.util.List;
import java.util.Set;

/**
 * A recommender fitted on everyone's history that scores every item for one viewer's history. Viewers
 * need not be among those it was fitted on (a new profile, or a held-out user in evaluation): scoring
 * folds their history in.
 */
public interface Recommender {
    /** The name on the command line: popular, itemknn, ease, content or hybrid. */
    String id();

    void fit(Interactions data, List<ItemInfo> items);

    /** A score per item index; higher is better. Items in the history may score anything (callers exclude them). */
    float[] score(Interactions.UserHistory history, Set<String> interests);

    /**
     * Why {@code item} was scored as it was for this history: the history item that contributed most, or -1
     * when no single one did (popularity, interests).
     */
    default int strongestReason(Interactions.UserHistory history, int item) {
        return -1;
    }
}
