package io.cutroom.playlists;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ProfileRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demo viewers for the demo catalog, marked as demo data (flag and name), so the first start shows
 * playlists at once: three viewers with histories over the demo media and one newcomer with interests only.
 */
public final class DemoProfiles {
    record Demo(String name, List<String> interests, Map<String, List<String>> history) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("Ana (demo)", List.of("bird", "cat"), Map.of(
                    "cockatoo.mp4", List.of("play", "complete", "like"),
                    "chelsea.png", List.of("play", "complete", "like"),
                    "big_buck_bunny_0_30.webm", List.of("play", "complete"),
                    "fire2.mp4", List.of("play", "skip"))),
            new Demo("Ben (demo)", List.of("person"), Map.of(
                    "chaplin.mp4", List.of("play", "complete", "like"),
                    "cup.mp4", List.of("play", "complete"),
                    "astronaut.png", List.of("play", "complete"),
                    "guit_em9.flac", List.of("play", "skip"))),
            new Demo("Cleo (demo)", List.of(), Map.of(
                    "guit_em9.flac", List.of("play", "complete", "like"),
                    "mp3_sample.mp3", List.of("play", "complete"),
                    "with-attached-pic.mp3", List.of("play", "complete"),
                    "chaplin.mp4", List.of("play", "dislike"))),
            new Demo("Dev (demo, new)", List.of("bird"), Map.of()));

    private DemoProfiles() {
    }

    /** Adds the demo viewers when the catalog has no profile yet; events only for demo media present. */
    public static int addIfNone(CatalogDb db) {
        ProfileRepository profiles = new ProfileRepository(db);
        if (!profiles.all().isEmpty()) {
            return 0;
        }
        List<Asset> assets = new AssetRepository(db).all();
        for (Demo demo : DEMOS) {
            ProfileRepository.Profile p = profiles.add(demo.name(), demo.interests(), true);
            demo.history().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                    find(assets, entry.getKey()).ifPresent(asset -> entry.getValue().forEach(kind ->
                            profiles.record(p.id(), asset.id(), kind, null))));
        }
        return DEMOS.size();
    }

    private static Optional<Asset> find(List<Asset> assets, String fileName) {
        return assets.stream().filter(a -> a.isReady() && a.fileName().equals(fileName)).findFirst();
    }
}
