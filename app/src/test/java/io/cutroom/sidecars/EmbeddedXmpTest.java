package io.cutroom.sidecars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.ingest.ContentHash;
import io.cutroom.ingest.ImportJob;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.usecases.Curation;
import io.cutroom.usecases.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XMP written into a JPEG and an MP4, read by exiftool (Debian's libimage-exiftool-perl) as another app would: the rating,
 * label, description and keywords are there, the picture's pixels are the same, and the catalog follows the file's
 * new hash. Read back, it becomes the log of the same picture imported into another catalog.
 */
class EmbeddedXmpTest {
    @TempDir
    Path dir;

    @Test
    void exiftoolReadsWhatWasEmbeddedAndThePictureIsUntouched() throws Exception {
        Path photo = Files.copy(TestMedia.file("images/objects/dog_beagle.jpg"), dir.resolve("beagle \"best\" ü.jpg"));
        BufferedImage before = ImageIO.read(photo.toFile());
        Files.setPosixFilePermissions(photo, PosixFilePermissions.fromString("rw-rw-r--"));
        try (CatalogDb db = TestCatalogs.open(dir.resolve("home"))) {
            new ImportJob(db, List.of(photo), o -> { }).run(JobContext.NONE);
            Curation curation = new Curation(db);
            curation.rate(1, 4);
            curation.label(1, AssetLog.Label.GREEN);
            curation.describe(1, "Beagle in the garden & a ball");
            curation.createCollection("Dogs/Keepers", null);
            curation.addToCollection("Dogs/Keepers", List.of(1L));
            curation.embedXmp(1);
            assertThat(new AssetRepository(db).find(1).orElseThrow().sha256()).isEqualTo(ContentHash.sha256(photo));
        }
        assertThat(Files.exists(XmpSidecar.fileFor(photo))).as("no sidecar: it is inside the file").isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(photo))).as("the file's permissions").isEqualTo("rw-rw-r--");

        String read = exiftool(photo, "-XMP:Rating", "-XMP:Label", "-XMP:Description", "-XMP:HierarchicalSubject");
        assertThat(read).contains("Rating                          : 4", "Label                           : Green",
                "Description                     : Beagle in the garden & a ball", "Cutroom|Collections|Dogs|Keepers");
        BufferedImage after = ImageIO.read(photo.toFile());
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        for (int y = 0; y < before.getHeight(); y += 7) {
            for (int x = 0; x < before.getWidth(); x += 7) {
                assertThat(after.getRGB(x, y)).isEqualTo(before.getRGB(x, y));
            }
        }

        // Another catalog importing the picture (as both faces import) takes the log from inside it.
        try (CatalogDb other = TestCatalogs.open(dir.resolve("other"))) {
            new Workspace(other).importFiles(List.of(photo), o -> { }).job().run(JobContext.NONE);
            Curation curation = new Curation(other);
            assertThat(curation.log(1)).isEqualTo(new AssetLog(4, AssetLog.Flag.NONE, AssetLog.Label.GREEN, "Beagle in the garden & a ball"));
            assertThat(curation.members("Dogs/Keepers")).hasSize(1);
        }
    }

    @Test
    void videoGetsAnXmpBoxThatExiftoolReadsAndItsPicturesAndSoundStayTheSame() throws Exception {
        Path clip = Files.copy(TestMedia.file("video/cup.mp4"), dir.resolve("cup & \"take\" ü.mp4"));
        String before = md5OfStreams(clip);
        try (CatalogDb db = TestCatalogs.open(dir.resolve("home"))) {
            new ImportJob(db, List.of(clip), o -> { }).run(JobContext.NONE);
            Curation curation = new Curation(db);
            curation.rate(1, 3);
            curation.flag(1, AssetLog.Flag.PICK);
            curation.embedXmp(1);
            // Again, changed: the first box becomes padding and the new one is what apps read.
            curation.rate(1, 5);
            curation.label(1, AssetLog.Label.RED);
            curation.embedXmp(1);
            assertThat(new AssetRepository(db).find(1).orElseThrow().sha256()).isEqualTo(ContentHash.sha256(clip));
        }
        String read = exiftool(clip, "-XMP:Rating", "-XMP:Label", "-XMP:Good");
        assertThat(read).contains("Rating                          : 5", "Label                           : Red",
                "Good                            : True");
        assertThat(md5OfStreams(clip)).as("every video and audio packet as before").isEqualTo(before);
        assertThat(EmbeddedXmp.contents(clip).orElseThrow().log()).isEqualTo(new AssetLog(5, AssetLog.Flag.PICK, AssetLog.Label.RED, null));
    }

    @Test
    void anOldQuickTimeFileWithoutAnFtypBoxTakesXmpToo() throws Exception {
        Path mov = dir.resolve("old.mov");
        Process p = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-i", TestMedia.file("video/realshort.mp4").toString(),
                "-c", "copy", "-f", "mov", mov.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        byte[] bytes = Files.readAllBytes(mov);
        int ftyp = ByteBuffer.wrap(bytes).getInt(); // QuickTime before MP4 began with other boxes: drop the ftyp
        Path old = Files.write(dir.resolve("older.mov"), Arrays.copyOfRange(bytes, ftyp, bytes.length));
        EmbeddedXmp.write(old, new XmpSidecar.Contents(new AssetLog(2, AssetLog.Flag.NONE, null, "old reel"), List.of(), List.of()));
        assertThat(exiftool(old, "-XMP:Rating", "-XMP:Description")).contains("Rating                          : 2", "old reel");
    }

    @Test
    void aCutShortVideoIsRefusedWithASentenceAndLeftAsItWas() throws Exception {
        byte[] whole = Files.readAllBytes(TestMedia.file("video/cup.mp4"));
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> EmbeddedXmp.write(cut, new XmpSidecar.Contents(AssetLog.NONE, List.of(), List.of())))
                .isInstanceOf(IOException.class).hasMessageContaining("cut short");
        assertThat(Files.size(cut)).isEqualTo(whole.length / 2);
    }

    @Test
    void otherFormatsGetASidecarInstead() {
        Path png = dir.resolve("still.png");
        assertThat(EmbeddedXmp.canEmbed(dir.resolve("clip.webm"))).isFalse();
        assertThat(EmbeddedXmp.canEmbed(png)).isFalse();
        assertThatThrownBy(() -> EmbeddedXmp.write(png, new XmpSidecar.Contents(AssetLog.NONE, List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sidecar");
    }

    /** The MD5 of every video and audio packet, copied out by the bundled ffmpeg: the same when no media byte moved. */
    private static String md5OfStreams(Path file) throws Exception {
        Process p = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-v", "error", "-i", file.toString(), "-map", "0", "-c", "copy",
                "-f", "md5", "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).startsWith("MD5=");
        return out;
    }

    private static String exiftool(Path file, String... tags) throws Exception {
        List<String> command = new ArrayList<>(List.of("exiftool"));
        command.addAll(List.of(tags));
        command.add(file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
