package io.cutroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutroom.TestMedia;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.catalog.ThumbnailRepository;
import io.cutroom.jobs.JobRunner;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.Thumbnail;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Imports every real test file once and checks the catalog against ffprobe, file by file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportRealMediaTest {
    /** Broken on purpose (see SOURCES in assets/CREDITS.md): each must fail with a reason, not crash. */
    private static final List<String> BROKEN = List.of(
            "images/skimage/truncated.jpg",
            "audio/odd-wav/test-44100Hz-le-1ch-4bytes-early-eof.wav",
            "audio/odd-wav/test-8000Hz-le-3ch-5S-24bit-inconsistent.wav",
            "audio/odd-wav/test-44100Hz-2ch-32bit-float-be.wav");

    @TempDir
    static Path home;
    private CatalogDb db;
    private List<ImportOutcome> outcomes;
    private Map<Path, Asset> byPath;

    @BeforeAll
    void importEverything() throws Exception {
        db = TestCatalogs.open(home);
        outcomes = runImport(List.of(TestMedia.folder()));
        byPath = new AssetRepository(db).all().stream().collect(Collectors.toMap(Asset::path, Function.identity()));
    }

    @AfterAll
    void close() {
        db.close();
    }

    private List<ImportOutcome> runImport(List<Path> paths) throws Exception {
        List<ImportOutcome> seen = new ArrayList<>();
        try (JobRunner runner = JobRunner.sameThread()) {
            return runner.submit(JobRunner.Lane.IMPORT, new ImportJob(db, paths, seen::add), p -> { }).result().get();
        }
    }

    @Test
    void everyFileEndsAsARowOrAClearError() throws Exception {
        long mediaFiles;
        try (var walk = Files.walk(TestMedia.folder())) {
            mediaFiles = walk.filter(Files::isRegularFile)
                    .filter(p -> MediaKind.guessFromName(p.getFileName().toString()).isPresent()).count();
        }
        assertThat(outcomes).hasSize((int) mediaFiles);
        List<Path> failed = outcomes.stream().filter(o -> o instanceof ImportOutcome.Failed).map(ImportOutcome::path).toList();
        assertThat(failed).containsExactlyInAnyOrderElementsOf(BROKEN.stream().map(TestMedia::file).toList());
        for (ImportOutcome o : outcomes) {
            if (o instanceof ImportOutcome.Failed f) {
                assertThat(f.reason()).as(f.path().toString()).isNotBlank().doesNotContain("Exception");
                assertThat(byPath.get(f.path()).error()).isEqualTo(f.reason());
            }
        }
    }

    @Test
    void probedFieldsMatchFfprobe() throws Exception {
        int checked = 0;
        for (Asset asset : byPath.values()) {
            if (!asset.isReady()) {
                continue;
            }
            MediaInfo info = asset.info();
            JsonNode probe = TestMedia.ffprobe(asset.path());
            JsonNode video = firstStream(probe, "video", info.kind() == MediaKind.AUDIO);
            JsonNode audio = firstStream(probe, "audio", false);
            String name = asset.path().toString();
            assertThat(info.container()).as(name).isEqualTo(probe.path("format").path("format_name").asText());
            if (video != null && info.kind() != MediaKind.AUDIO) {
                assertThat(info.width()).as(name).isEqualTo(video.path("width").asInt());
                assertThat(info.height()).as(name).isEqualTo(video.path("height").asInt());
                assertThat(info.videoCodec()).as(name).isEqualTo(video.path("codec_name").asText());
                assertThat(info.pixelFormat()).as(name).isEqualTo(video.path("pix_fmt").asText());
            }
            if (info.kind() == MediaKind.VIDEO) {
                assertThat(info.fps()).as(name).isCloseTo(rate(video.path("avg_frame_rate").asText(),
                        video.path("r_frame_rate").asText()), within(0.01));
                assertThat(info.rotationCw()).as(name).isEqualTo(expectedRotation(video));
            }
            if (audio != null) {
                assertThat(info.audioCodec()).as(name).isEqualTo(audio.path("codec_name").asText());
                assertThat(info.sampleRate()).as(name).isEqualTo(audio.path("sample_rate").asInt());
                assertThat(info.channels()).as(name).isEqualTo(audio.path("channels").asInt());
            }
            if (info.kind() != MediaKind.IMAGE) {
                JsonNode duration = probe.path("format").path("duration");
                double expected = duration.isMissingNode() ? TestMedia.lastPacketEnd(asset.path()) : duration.asDouble();
                assertThat(info.durationSec()).as(name).isCloseTo(expected, within(0.05));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(byPath.size() - BROKEN.size());
    }

    @Test
    void durationMissingFromTheHeaderIsFoundByReading() {
        Asset clip = byPath.get(TestMedia.file("video/no_duration.webm"));
        assertThat(clip.isReady()).isTrue();
        assertThat(clip.info().durationSec()).isGreaterThan(1.0);
    }

    @Test
    void rotationAndExifOrientationReachTheThumbnails() throws Exception {
        ThumbnailRepository thumbnails = new ThumbnailRepository(db);
        BufferedImage portrait = poster(thumbnails, "images/exif-orientation/Portrait_6.jpg");
        BufferedImage landscape = poster(thumbnails, "images/exif-orientation/Landscape_6.jpg");
        assertThat(portrait.getHeight()).isGreaterThan(portrait.getWidth());
        assertThat(landscape.getWidth()).isGreaterThan(landscape.getHeight());
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage p = poster(thumbnails, "images/exif-orientation/Portrait_" + orientation + ".jpg");
            assertThat(p.getHeight()).as("Portrait_" + orientation).isGreaterThan(p.getWidth());
        }
        Asset fire = byPath.get(TestMedia.file("video/fire2.mp4"));
        assertThat(fire.info().rotationCw()).isEqualTo(180);
    }

    @Test
    void videoGetsPosterAndFilmstripAudioGetsWaveformAndCover() {
        ThumbnailRepository thumbnails = new ThumbnailRepository(db);
        long video = byPath.get(TestMedia.file("video/chaplin.mp4")).id();
        assertThat(thumbnails.find(video, Thumbnail.Role.POSTER)).isPresent();
        assertThat(thumbnails.find(video, Thumbnail.Role.FILMSTRIP)).get()
                .extracting(Thumbnail::frameCount).isEqualTo(10);
        long song = byPath.get(TestMedia.file("audio/with-attached-pic.mp3")).id();
        assertThat(thumbnails.find(song, Thumbnail.Role.COVER)).isPresent();
        assertThat(thumbnails.find(song, Thumbnail.Role.WAVEFORM)).isPresent();
        Asset tagged = byPath.get(TestMedia.file("audio/mp3_sample.mp3"));
        assertThat(tagged.info().tags()).containsEntry("artist", "Kevin MacLeod").containsEntry("title", "Synth Synth Short");
    }

    @Test
    void sameBytesUnderAnotherNameAreADuplicate(@TempDir Path elsewhere) throws Exception {
        Path copy = Files.copy(TestMedia.file("video/chaplin.mp4"), elsewhere.resolve("chaplin copy.mp4"));
        List<ImportOutcome> again = runImport(List.of(copy));
        assertThat(again).singleElement().isInstanceOf(ImportOutcome.Duplicate.class);
        assertThat(((ImportOutcome.Duplicate) again.get(0)).assetId())
                .isEqualTo(byPath.get(TestMedia.file("video/chaplin.mp4")).id());
        assertThat(new AssetRepository(db).count()).isEqualTo(byPath.size());
    }

    @Test
    void namesWithQuotesAndNonAsciiImportAndSurviveARestart(@TempDir Path folder) throws Exception {
        Path accented = TestMedia.makeClip(folder.resolve("Café « déjà vu » 日本語.mp4"), 320, 180, 1.0);
        Path quoted = TestMedia.makeClip(folder.resolve("it's \"final\"'); DROP TABLE assets;--.mp4"), 352, 288, 1.0);
        List<ImportOutcome> result = runImport(List.of(accented, quoted));
        assertThat(result).allMatch(o -> o instanceof ImportOutcome.Imported);

        Path otherHome = Files.createTempDirectory("cutroom-restart");
        try (CatalogDb first = TestCatalogs.open(otherHome)) {
            new Importer(first).importFile(accented);
            new Importer(first).importFile(quoted);
        }
        try (CatalogDb reopened = TestCatalogs.open(otherHome)) {
            List<Asset> rows = new AssetRepository(reopened).all();
            assertThat(rows).extracting(Asset::fileName)
                    .containsExactly("Café « déjà vu » 日本語.mp4", "it's \"final\"'); DROP TABLE assets;--.mp4");
            assertThat(rows).allMatch(Asset::isReady);
            assertThat(rows.get(1).info().width()).isEqualTo(352);
        }
    }

    private BufferedImage poster(ThumbnailRepository thumbnails, String relative) throws Exception {
        long id = byPath.get(TestMedia.file(relative)).id();
        byte[] bytes = thumbnails.find(id, Thumbnail.Role.POSTER).orElseThrow().bytes();
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static JsonNode firstStream(JsonNode probe, String type, boolean attachedPicOnly) {
        for (JsonNode s : probe.path("streams")) {
            if (type.equals(s.path("codec_type").asText())) {
                boolean attached = s.path("disposition").path("attached_pic").asInt() == 1;
                if (attached == attachedPicOnly || !type.equals("video")) {
                    return s;
                }
            }
        }
        return null;
    }

    private static int expectedRotation(JsonNode video) {
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) {
                int ccw = side.path("rotation").asInt();
                return ((-ccw % 360) + 360) % 360;
            }
        }
        return 0;
    }

    private static double rate(String avg, String real) {
        String chosen = avg.startsWith("0/") ? real : avg;
        String[] parts = chosen.split("/");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
