package io.cutroom.ui.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.catalog.ProfileRepository;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.playlists.PlaylistService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Playlists tab's viewers, building, saving and play-through, on a real catalog and without a toolkit. */
class PlaylistsModelTest {
    @TempDir
    Path home;
    private CatalogDb db;
    private ProfileRepository profiles;
    private PlaylistsModel model;

    @BeforeEach
    void catalogOfFiveClips() {
        db = TestCatalogs.open(home);
        AssetRepository assets = new AssetRepository(db);
        for (int i = 1; i <= 5; i++) {
            MediaInfo info = new MediaInfo(MediaKind.VIDEO, "mp4", 60.0 * i, 640, 360, 25.0, 0, "yuv420p", "h264", "aac",
                    48000, 2, null, Map.of(), null);
            assets.saveReady(new AssetRepository.FileFacts(home.resolve("clip" + i + ".mp4"), 100, "h" + i), info, List.of(), null);
        }
        profiles = new ProfileRepository(db);
        model = new PlaylistsModel(db, new PlaylistService(db), profiles);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aViewerIsAddedOnceAndListed() {
        assertThat(model.addViewer("Ana", List.of("dog"))).isEqualTo("Added Ana.");
        assertThat(model.addViewer("Ana", List.of())).isNotEqualTo("Added Ana.").isNotBlank();
        PlaylistsModel.Viewers viewers = model.viewers();
        assertThat(viewers.profiles()).extracting(ProfileRepository.Profile::name).containsExactly("Ana");
        assertThat(viewers.segmentLines()).isNotEmpty().allSatisfy(line -> assertThat(line).contains("Ana"));
    }

    @Test
    void aPlaylistIsBuiltShownSavedAndPlayedThroughWithFeedbackRecorded() {
        model.addViewer("Ana", List.of());
        ProfileRepository.Profile ana = model.viewers().profiles().get(0);
        assertThat(model.save()).isEqualTo("Generate a playlist first.");
        assertThat(PlaylistsModel.building(null, 10)).startsWith("Pick a viewer first");

        PlaylistsModel.Built built = model.build(ana, "popular", 10);
        assertThat(built.result()).isNotNull();
        assertThat(built.status()).startsWith("Ana, popular: ").endsWith(" of 10 minutes asked.");
        model.show(built);
        int n = model.items().size();
        assertThat(n).isPositive();
        assertThat(model.save()).isEqualTo("Saved Ana's playlist (" + n + " items).");

        assertThat(model.reaction(ana, "like")).startsWith("Play the playlist first");
        assertThat(model.playFrom(0)).isEqualTo("1 of " + n + ": " + model.items().get(0).title());
        long first = model.playingAsset();
        model.record(ana, first, "like");
        assertThat(model.reaction(ana, "like")).isEqualTo("Ana liked " + model.items().get(0).title()
                + "; the next playlist takes it into account.");
        assertThat(profiles.events()).anyMatch(e -> e.profileId() == ana.id() && e.assetId() == first && e.kind().equals("like"));
        assertThat(model.playFrom(n)).as("past the last item").isNull();
        assertThat(model.playingAsset()).isNull();
    }

    @Test
    void anUnknownRecommenderIsASentenceNotAPlaylist() {
        model.addViewer("Ana", List.of());
        PlaylistsModel.Built built = model.build(model.viewers().profiles().get(0), "no-such-method", 10);
        assertThat(built.result()).isNull();
        assertThat(built.status()).isNotBlank().doesNotContain("Exception");
    }
}
