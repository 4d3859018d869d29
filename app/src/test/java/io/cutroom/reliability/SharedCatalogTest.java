package io.cutroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.Main;
import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.ProfileRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio and the CLI on one catalog at once: nobody sees "database is locked", and no write is lost. */
class SharedCatalogTest {
    private static final int WRITES_EACH = 1500;

    @TempDir
    Path dir;

    @Test
    void threeProcessesWritingAtOnceAllLandWithoutLockErrors() throws Exception {
        Path home = dir.resolve("data");
        try (CatalogDb studio = CatalogDb.open(home)) {
            Process cli = ChildCli.startMain(Main.class.getName(), dir.resolve("cli.log"), "import", "--home", home.toString(),
                    TestMedia.file("images/skimage").toString(), TestMedia.file("audio").toString());
            Process writer = ChildCli.startMain(ProfileWriter.class.getName(), dir.resolve("writer.log"), home.toString(), "cli", "" + WRITES_EACH);
            ProfileRepository profiles = new ProfileRepository(studio);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(dir.resolve("writer.log")).contains("committed") && System.nanoTime() < deadline) {
                Thread.sleep(10); // start writing only once the other process writes too
            }
            for (int i = 0; i < WRITES_EACH; i++) {
                ProfileWriter.add(studio, "studio-" + i);
            }
            assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String cliLog = Files.readString(dir.resolve("cli.log"));
            String writerLog = Files.readString(dir.resolve("writer.log"));
            assertThat(cliLog + writerLog).doesNotContainIgnoringCase("locked").doesNotContainIgnoringCase("busy");
            assertThat(writer.exitValue()).as(writerLog).isZero();

            assertThat(profiles.all()).hasSize(2 * WRITES_EACH);
            long imported = cliLog.lines().filter(l -> l.startsWith("imported ")).count();
            assertThat(imported).as(cliLog).isGreaterThanOrEqualTo(8);
            assertThat(new AssetRepository(studio).all()).filteredOn(a -> a.isReady()).hasSize((int) imported);
        }
    }
}
