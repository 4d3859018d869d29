package io.cutroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.Main;
import io.cutroom.TestMedia;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobJournal;
import io.cutroom.reliability.ChildCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C on a render from the command line, as a terminal sends it (SIGINT): the render stops, the journal
 * says cancelled, the command exits with 130, and no file, finished or partial, is left beside the target.
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCCancelsARenderAndLeavesNoFile() throws Exception {
        Path home = dir.resolve("home");
        Path clip = TestMedia.makeClip(dir.resolve("long clip.mp4"), 1280, 720, 40);
        assertThat(CutroomCli.run(new String[] {"import", "--home", home.toString(), clip.toString()})).isZero();
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Path log = dir.resolve("render.log");
        Process render = ChildCli.startMain(Main.class.getName(), log, "render", "1", "--home", home.toString(),
                "--preset", "social-vertical", "--out", exports.resolve("story.mp4").toString());
        waitForRenderToStart(home);
        new ProcessBuilder("kill", "-INT", Long.toString(render.pid())).start().waitFor();
        assertThat(render.waitFor(60, TimeUnit.SECONDS)).as("the render stops after Ctrl+C").isTrue();
        assertThat(render.exitValue()).as(Files.readString(log)).isEqualTo(CutroomCli.EXIT_CANCELLED);
        try (Stream<Path> left = Files.list(exports)) {
            assertThat(left.toList()).as("files beside the target").isEmpty();
        }
        try (CatalogDb db = CatalogDb.open(home)) {
            assertThat(new JobJournal(db).recent(1).get(0).status()).isEqualTo(JobJournal.Status.CANCELLED);
        }
    }

    /** The render is journaled as running and its worker has begun writing the partial file. */
    private void waitForRenderToStart(Path home) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dir.resolve("exports"))) {
                if (files.findAny().isPresent()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the render never started writing");
    }
}
