package io.cutroom.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.audio.Loudness;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.catalog.RenderRecord;
import io.cutroom.catalog.RenderRepository;
import io.cutroom.ingest.ImportOutcome;
import io.cutroom.ingest.Importer;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.render.RenderException;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A render through the catalog leaves a row that tells how it ended, and normalizes loudness to the target. */
class ExportJobTest {
    @TempDir
    Path dir;

    @Test
    void loudnessIsNormalizedToTheTargetAndTheMeasurementIsStored() throws Exception {
        Path quiet = dir.resolve("quiet tone.mp4");
        run(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000,volume=-30dB", "-t", "6",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k", quiet.toString()));
        try (CatalogDb db = TestCatalogs.open(dir.resolve("home"))) {
            long id = ((ImportOutcome.Imported) new Importer(db).importFile(quiet)).assetId();
            Path out = dir.resolve("social.mp4");
            new ExportJob(db, id, new RenderRequest(quiet, out, RenderPreset.SQUARE, null, null, null, -14.0, false))
                    .run(JobContext.NONE);
            assertThat(integratedLoudness(out)).isCloseTo(-14.0, within(0.5));
            Loudness stored = new RenderRepository(db).loudness(id).orElseThrow();
            assertThat(stored.integratedLufs()).isCloseTo(integratedLoudness(quiet), within(0.2));
            List<RenderRecord> renders = new RenderRepository(db).forAsset(id);
            assertThat(renders).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RenderRecord.Status.DONE);
                assertThat(r.output()).isEqualTo(out);
                assertThat(r.width()).isEqualTo(1080);
                assertThat(r.settingsJson()).contains("\"loudnessTarget\":-14.0").contains("\"preset\":\"square\"");
            });
        }
    }

    @Test
    void failedAndCancelledRendersAreRecordedWithTheirReason() throws Exception {
        Path clip = TestMedia.file("video/realshort.mp4");
        try (CatalogDb db = TestCatalogs.open(dir.resolve("home"))) {
            long id = ((ImportOutcome.Imported) new Importer(db).importFile(clip)).assetId();
            Path taken = Files.writeString(dir.resolve("taken.mp4"), "keep me");
            assertThatThrownBy(() -> new ExportJob(db, id, new RenderRequest(clip, taken, RenderPreset.PROXY, null, null,
                    null, null, false)).run(JobContext.NONE)).isInstanceOf(RenderException.class);
            JobContext cancelAtOnce = JobContext.cancelledWhen(() -> true);
            Path cancelled = dir.resolve("cancelled.mp4");
            assertThatThrownBy(() -> new ExportJob(db, id, new RenderRequest(clip, cancelled, RenderPreset.PROXY, null,
                    null, null, null, false)).run(cancelAtOnce)).isInstanceOf(JobCancelledException.class);
            assertThat(cancelled).doesNotExist();
            List<RenderRecord> renders = new RenderRepository(db).forAsset(id);
            assertThat(renders).extracting(RenderRecord::status)
                    .containsExactlyInAnyOrder(RenderRecord.Status.FAILED, RenderRecord.Status.CANCELLED);
            assertThat(renders).filteredOn(r -> r.status() == RenderRecord.Status.FAILED).singleElement()
                    .extracting(RenderRecord::error).asString().contains("already exists");
        }
    }

    static double integratedLoudness(Path file) throws Exception {
        String log = run(List.of(Ffmpeg.ffmpegExecutable(), "-nostats", "-hide_banner", "-i", file.toString(), "-vn",
                "-af", "ebur128", "-f", "null", "-"));
        Matcher m = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(log.substring(log.lastIndexOf("Summary:")));
        assertThat(m.find()).as(log).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        return log;
    }
}
