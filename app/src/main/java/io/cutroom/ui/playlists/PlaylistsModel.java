package io.cutroom.ui.playlists;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ProfileRepository;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.playlists.CatalogSnapshot;
import io.cutroom.playlists.PlaylistRules;
import io.cutroom.playlists.PlaylistService;
import io.cutroom.playlists.Segments;
import io.cutroom.ui.library.LibraryText;
import java.util.List;
import java.util.Locale;

/**
 * The Playlists tab without a toolkit: the viewers and their segments, the playlist built for one of them, saving
 * it, and playing it through with Like and Skip recorded as the viewer's feedback. The catalog methods run off
 * the JavaFX thread ({@link PlaylistsView} calls them through the studio); the playback ones on it.
 */
final class PlaylistsModel {
    private final CatalogDb db;
    private final PlaylistService playlists;
    private final ProfileRepository profiles;
    private PlaylistService.Result shown;
    private int shownMinutes;
    private int playing = -1;

    /** The viewers, and a line per segment of viewers who like the same tags. */
    record Viewers(List<ProfileRepository.Profile> profiles, List<String> segmentLines) {
    }

    /** The playlist built, or null with the sentence saying why there is none. */
    record Built(PlaylistService.Result result, int minutes, String status) {
    }

    PlaylistsModel(CatalogDb db, PlaylistService playlists, ProfileRepository profiles) {
        this.db = db;
        this.playlists = playlists;
        this.profiles = profiles;
    }

    Viewers viewers() {
        CatalogSnapshot snapshot = CatalogSnapshot.load(db);
        List<Segments.Segment> groups = snapshot.profiles().isEmpty() ? List.of()
                : Segments.of(snapshot, Segments.defaultCount(snapshot.profiles().size()), 7);
        return new Viewers(snapshot.profiles(), groups.stream().map(s -> String.format(Locale.ROOT, "%d. %s: %s", s.index(),
                s.topTags().isEmpty() ? "no tags yet" : String.join(", ", s.topTags()), String.join(", ", s.members()))).toList());
    }

    /** Adds a viewer; the sentence says it was added, or why not (a name already taken). */
    String addViewer(String name, List<String> interests) {
        try {
            profiles.add(name, interests, false);
            return "Added " + name + ".";
        } catch (IllegalArgumentException e) {
            return ErrorSentence.of(e);
        }
    }

    /** What the tab says while a playlist is built. */
    static String building(ProfileRepository.Profile who, int minutes) {
        return who == null ? "Pick a viewer first, or add one with the + button."
                : "Building " + minutes + " minutes for " + who.name() + "…";
    }

    /** Builds a playlist of about {@code minutes} for the viewer with this recommender. */
    Built build(ProfileRepository.Profile who, String recommender, int minutes) {
        try {
            PlaylistService.Result r = playlists.build(who.name(), recommender, PlaylistRules.minutes(minutes));
            return new Built(r, minutes, String.format(Locale.ROOT, "%s, %s: %d items, %s of %d minutes asked.",
                    r.profile().name(), r.recommender(), r.items().size(), LibraryText.duration(r.totalSec()), minutes));
        } catch (RuntimeException e) {
            return new Built(null, minutes, ErrorSentence.of(e));
        }
    }

    /** The playlist now shown; playing stops, as its items are new. */
    void show(Built built) {
        shown = built.result();
        shownMinutes = built.minutes();
        playing = -1;
    }

    List<PlaylistService.Item> items() {
        return shown == null ? List.of() : shown.items();
    }

    /** Saves the playlist shown as the viewer's; the sentence says so, or that there is none yet. */
    String save() {
        if (shown == null) {
            return "Generate a playlist first.";
        }
        playlists.save(shown, shownMinutes);
        return "Saved " + shown.profile().name() + "'s playlist (" + shown.items().size() + " items).";
    }

    /** Starts playing at {@code index}; the "now playing" line, or null once past the last item. */
    String playFrom(int index) {
        if (index >= items().size()) {
            playing = -1;
            return null;
        }
        playing = index;
        return String.format(Locale.ROOT, "%d of %d: %s", index + 1, items().size(), items().get(index).title());
    }

    int playing() {
        return playing;
    }

    void stop() {
        playing = -1;
    }

    /** The asset of the item playing, or null when none is. */
    Long playingAsset() {
        return playing >= 0 && playing < items().size() ? items().get(playing).asset().id() : null;
    }

    /** Records a play event ("play", "complete", "like", "skip") of an asset for the viewer. */
    void record(ProfileRepository.Profile who, long assetId, String kind) {
        profiles.record(who.id(), assetId, kind, null);
    }

    /** The sentence for a Like or Skip of the item playing, or the hint when nothing plays. */
    String reaction(ProfileRepository.Profile who, String kind) {
        if (playing < 0 || who == null) {
            return "Play the playlist first; Like and Skip are for the item playing.";
        }
        return String.format(Locale.ROOT, "%s %s %s; the next playlist takes it into account.", who.name(),
                kind.equals("like") ? "liked" : "skipped", items().get(playing).title());
    }
}
