package io.cutroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cutroom.TestMedia;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CatalogException;
import io.cutroom.color.ClipGrading;
import io.cutroom.media.render.Grade;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: a small tmpfs, filled up. Every command that writes says so in a sentence, leaves no
 * partial file under the name asked for, and the catalog is whole once space is freed. Mounting needs root
 * and the right to mount; where that is missing, the test is skipped.
 */
class FullDiskTest {
    @TempDir
    Path dir;
    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        mounted = p.waitFor() == 0;
        assumeTrue(mounted, "mounting a small tmpfs needs root and the right to mount");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted && new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start().waitFor() != 0) {
            // Still busy: say which process holds what, then detach it anyway so the temporary folder can go.
            System.err.println("FullDiskTest: the small disk was still in use: " + openFilesUnder(disk));
            new ProcessBuilder("umount", "-l", disk.toString()).redirectErrorStream(true).start().waitFor();
        }
    }

    @Test
    void everyWriteToAFullDiskSaysSoAndLeavesNoPartialFile() throws Exception {
        Path catalogHome = dir.resolve("catalog"); // the catalog is on a disk with room; the outputs are not
        Path clip = TestMedia.file("video/realshort.mp4");
        Path still = TestMedia.file("images/skimage/coffee.png");
        assertThat(CliRun.in(catalogHome, "import", clip.toString()).code()).isZero();
        fill(disk);

        CliRun render = CliRun.in(catalogHome, "render", "1", "--preset", "proxy", "--out", disk.resolve("out.mp4").toString());
        assertThat(render.code()).isNotZero();
        assertThat(render.err()).contains("There is no space left on the disk for " + disk);

        CliRun lut = CliRun.in(catalogHome, "color", "1", "--temperature", "10", "--export-lut", disk.resolve("look.cube").toString());
        assertThat(lut.code()).isNotZero();
        assertThat(lut.err()).contains("the LUT was not exported. There is no space left on the disk for " + disk);

        CliRun picture = CliRun.in(catalogHome, "color-image", still.toString(), "--auto", "--out", disk.resolve("fixed.png").toString());
        assertThat(picture.code()).isNotZero();
        assertThat(picture.err()).contains("There is no space left on the disk for " + disk).doesNotContain("I/O error writing PNG");

        assertThat(namesIn(disk)).as("nothing but the filler: no output, no partial file").containsExactly("filler");
        assertThat(openFilesUnder(disk)).as("no deleted partial file still open, keeping its space").isEmpty();
        assertThat(CliRun.in(catalogHome, "color", "1").out()).as("the grade was still stored").contains("temperature +10");
    }

    @Test
    void aCatalogOnAFullDiskIsRefusedWithASentenceAndIsWholeAfterwards() throws Exception {
        Path home = disk.resolve("home");
        assertThat(CliRun.in(home, "import", TestMedia.file("images/skimage/coffee.png").toString()).code()).isZero();
        try (CatalogDb open = CatalogDb.open(home)) {
            Path filler = fill(disk);
            assertThatThrownBy(() -> new ClipGrading(open).saveManual(1, new Grade(0.5, null, null, null, null, null, null, null)))
                    .isInstanceOf(CatalogException.class)
                    .hasMessage("The catalog could not store this change: the disk it is on is full. Free some space and try again.");
            open.close();
            // Reading may still work (SQLite keeps its shared-memory file when the disk is full); if it does not, say why.
            CliRun list = CliRun.in(home, "list");
            if (list.code() == 0) {
                assertThat(list.out()).contains("coffee.png");
            } else {
                assertThat(list.err()).contains("Cannot open the catalog").contains("the disk it is on is full");
            }
            CliRun grade = CliRun.in(home, "color", "1", "--exposure", "0.5");
            assertThat(grade.code()).isNotZero();
            assertThat(grade.err()).contains("the disk it is on is full").doesNotContain("SQLITE");
            Files.delete(filler);
        }
        CliRun after = CliRun.in(home, "list");
        assertThat(after.code()).isZero();
        assertThat(after.out()).contains("coffee.png");
        try (CatalogDb reopened = CatalogDb.open(home)) {
            assertThat(reopened.integrityCheck()).isEqualTo("ok");
            assertThat(new ClipGrading(reopened).stored(1)).as("the refused grade left nothing behind").isEmpty();
        }
    }

    @Test
    void anImportThatFillsTheDiskStopsWithTheReasonAndResumesOnceThereIsRoom() throws Exception {
        resize(disk, "1m");
        Path home = disk.resolve("home");
        CliRun filling = CliRun.in(home, "import", TestMedia.folder().toString());
        assertThat(filling.code()).isNotZero();
        assertThat(filling.err()).contains("The catalog could not store this change: the disk it is on is full.");
        int before = CliRun.in(home, "list").lines().size();
        assertThat(before).as("files imported before the disk filled are kept").isPositive();

        resize(disk, "40m");
        CliRun jobs = CliRun.in(home, "jobs");
        assertThat(jobs.out()).contains("the disk it is on is full");
        String id = jobs.lines().stream().filter(l -> l.contains("import")).findFirst().orElseThrow().strip().split("\\s+")[0];
        CliRun resumed = CliRun.in(home, "resume", id);
        assertThat(resumed.code()).as("some test files are broken on purpose: " + resumed.err()).isEqualTo(CutroomCli.EXIT_SOME_FAILED);
        assertThat(resumed.err()).doesNotContain("disk");
        try (Stream<Path> media = Files.walk(TestMedia.folder())) {
            // What a folder import takes: names that look like media (not the labels, licences and notes beside them).
            long files = media.filter(Files::isRegularFile)
                    .filter(p -> io.cutroom.media.MediaKind.guessFromName(p.getFileName().toString()).isPresent()).count();
            assertThat(CliRun.in(home, "list").lines().size()).as("every media file has a row after the resume").isGreaterThan(before)
                    .isGreaterThanOrEqualTo((int) files);
        }
        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    private static void resize(Path disk, String size) throws Exception {
        Process p = new ProcessBuilder("mount", "-o", "remount,size=" + size, disk.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(said).isZero();
    }

    /** Processes with a file open under {@code folder}: "pid path". */
    static List<String> openFilesUnder(Path folder) throws IOException {
        List<String> open = new java.util.ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                    for (Path fd : fds.toList()) {
                        try {
                            String target = Files.readSymbolicLink(fd).toString();
                            if (target.startsWith(folder.toString())) open.add(proc.getFileName() + " " + target);
                        } catch (IOException gone) { }
                    }
                } catch (IOException | RuntimeException gone) { }
            }
        }
        return open;
    }

    /** Writes zeros until the disk refuses more. */
    private static Path fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left");
        }
        return filler;
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
