package io.cutroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.ThumbnailMaker;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJobTest {
    @TempDir
    Path home;

    @Test
    void cancellingStopsBeforeTheNextFileAndKeepsTheFilesDone() {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<ImportOutcome> seen = new ArrayList<>();
        JobContext ctx = JobContext.cancelledWhen(cancelled::get);
        try (CatalogDb db = TestCatalogs.open(home)) {
            ImportJob job = new ImportJob(db, List.of(TestMedia.file("video")), outcome -> {
                seen.add(outcome);
                if (seen.size() == 2) {
                    cancelled.set(true);
                }
            });
            assertThatThrownBy(() -> job.run(ctx)).isInstanceOf(JobCancelledException.class);
            assertThat(seen).hasSize(2).allMatch(o -> o instanceof ImportOutcome.Imported);
            assertThat(new AssetRepository(db).all()).extracting(a -> a.path().getFileName().toString())
                    .containsExactly("big_buck_bunny_0_30.webm", "chaplin.mp4");
        }
    }

    @Test
    void aMissingPathIsReportedAndTheRestStillImport() {
        try (CatalogDb db = TestCatalogs.open(home)) {
            List<ImportOutcome> seen = new ArrayList<>();
            Path missing = home.resolve("not here.mp4");
            new ImportJob(db, List.of(missing, TestMedia.file("video/realshort.mp4")), seen::add).run(JobContext.NONE);
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0)).isInstanceOf(ImportOutcome.Failed.class);
            assertThat(((ImportOutcome.Failed) seen.get(0)).reason()).isEqualTo("no such file or folder");
            assertThat(seen.get(1)).isInstanceOf(ImportOutcome.Imported.class);
        }
    }

    @Test
    void picturesNarrowerThanARowOfPaddingImportWithTheirColours() throws Exception {
        // FFmpeg pads each row to 64 bytes or more; JavaCV took that padding for extra channels.
        List<Path> files = new ArrayList<>();
        for (int[] size : new int[][] {{1, 1}, {2, 2}, {33, 7}}) {
            BufferedImage picture = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    picture.setRGB(x, y, x == size[0] - 1 ? 0x2040e0 : 0xe04020);
                }
            }
            Path file = home.resolve("tiny " + size[0] + "x" + size[1] + ".png");
            javax.imageio.ImageIO.write(picture, "png", file.toFile());
            files.add(file);
            BufferedImage decoded = new ThumbnailMaker().upright(file, 1, 512);
            assertThat(decoded.getWidth()).isEqualTo(size[0]);
            assertThat(decoded.getRGB(0, size[1] - 1) & 0xffffff).isEqualTo(size[0] == 1 ? 0x2040e0 : 0xe04020);
            assertThat(decoded.getRGB(size[0] - 1, 0) & 0xffffff).isEqualTo(0x2040e0);
        }
        try (CatalogDb db = TestCatalogs.open(home)) {
            List<ImportOutcome> seen = new ArrayList<>();
            new ImportJob(db, files, seen::add).run(JobContext.NONE);
            assertThat(seen).hasSize(3).allMatch(o -> o instanceof ImportOutcome.Imported);
        }
    }
    @Test
    void aBlackDrawingOnATransparentBackgroundIsShownOverWhite() throws Exception {
        // Transparent pixels stored as (0, 0, 0, 0), as drawing programs write them, with an opaque black cross.
        for (int[] size : new int[][] {{40, 30}, {3, 3}}) {
            BufferedImage drawing = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
            for (int x = 0; x < size[0]; x++) drawing.setRGB(x, size[1] / 2, 0xff000000);
            for (int y = 0; y < size[1]; y++) drawing.setRGB(size[0] / 2, y, 0xff000000);
            Path file = home.resolve("logo " + size[0] + ".png");
            javax.imageio.ImageIO.write(drawing, "png", file.toFile());
            BufferedImage decoded = new ThumbnailMaker().upright(file, 1, 512);
            assertThat(decoded.getRGB(0, 0) & 0xffffff).as("the transparent corner").isEqualTo(0xffffff);
            assertThat(decoded.getRGB(size[0] / 2, 0) & 0xffffff).as("the drawn line").isEqualTo(0x000000);
        }
    }
}
