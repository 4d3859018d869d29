package io.cutroom.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.AssetStatus;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.ingest.ImportJob;
import io.cutroom.jobs.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAV of 64-bit integer PCM, which FFmpeg reads but JavaCV's grabber cannot hand out, imports with its
 * waveform, and measures as loud as the same tone in 16-bit PCM; no converted copy is left behind.
 */
class WidePcmTest {
    @TempDir
    Path dir;

    @Test
    void aSixtyFourBitPcmWavImportsAndMeasuresLikeItsSixteenBitTwin() throws Exception {
        Path wide = TestMedia.makeTone(dir.resolve("tone s64.wav"), "pcm_s64le");
        Path plain = TestMedia.makeTone(dir.resolve("tone s16.wav"), "pcm_s16le");
        long leftoversBefore = leftovers();

        Loudness wideLoudness = new LoudnessScanner().measure(wide);
        Loudness plainLoudness = new LoudnessScanner().measure(plain);
        assertThat(wideLoudness.integratedLufs()).isCloseTo(plainLoudness.integratedLufs(), within(0.1));

        try (CatalogDb db = TestCatalogs.open(dir.resolve("home"))) {
            try (JobRunner runner = JobRunner.sameThread()) {
                runner.submit(JobRunner.Lane.IMPORT, new ImportJob(db, List.of(wide), new ArrayList<>()::add), p -> { })
                        .result().get();
            }
            Asset asset = new AssetRepository(db).all().get(0);
            assertThat(asset.status()).as(String.valueOf(asset.error())).isEqualTo(AssetStatus.READY);
        }
        assertThat(leftovers()).as("converted copies in the temporary folder").isEqualTo(leftoversBefore);
    }

    @Test
    void onlySixtyFourBitPcmIsConvertedAndEveryOtherFileIsOpenedOnce() throws Exception {
        Path wide = TestMedia.makeTone(dir.resolve("wide.wav"), "pcm_s64le");
        Path plain = TestMedia.makeTone(dir.resolve("plain.wav"), "pcm_s16le");
        try (DecodableAudio audio = DecodableAudio.open(plain, g -> { })) {
            assertThat(audio.converted()).isFalse();
            assertThat(audio.grabber().getAudioStream()).isNotNegative();
        }
        try (DecodableAudio audio = DecodableAudio.open(wide, g -> { })) {
            assertThat(audio.converted()).isTrue();
            assertThat(audio.grabber().grabSamples()).isNotNull();
        }
    }

    private static long leftovers() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("cutroom-audio-")).count();
        }
    }
}
