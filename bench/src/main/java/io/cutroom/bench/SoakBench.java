package io.cutroom.bench;

import io.cutroom.cli.CutroomCli;
import io.cutroom.ingest.DemoMedia;
import io.cutroom.ingest.MediaFiles;
import io.cutroom.soak.Soak;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom bench soak}: hostile media through import, tagging, auto colour and rendering, then kill -9 at random
 * moments of CLI imports and renders; prints crashes, hangs, rows lost, integrity checks and peak memory.
 */
@Command(name = "soak",
        description = "Fuzzed media and a kill -9 loop: crashes, hangs, rows lost, integrity, peak memory.")
final class SoakBench implements Callable<Integer> {
    @Option(names = "--sources", paramLabel = "FOLDER", description = "Real media to mangle (default: the demo media).")
    Path sources;

    @Option(names = "--kills", defaultValue = "10",
            description = "Kills in the loop, in turn during import, render and tagging (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the corpus and the kill moments (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = sources != null ? sources : DemoMedia.folder()
                .orElseThrow(() -> new IllegalStateException("No --sources given and no demo media found."));
        List<Path> files = MediaFiles.expand(List.of(folder)).files();
        Path work = Files.createTempDirectory("cutroom-soak");
        out.printf("bench soak: %d real files from %s, %d kills, seed %d%n", files.size(), folder, kills, seed);
        out.printf("machine: %s%n", MachineDescription.describe());
        Soak soak;
        try {
            soak = Soak.run(new Soak.Options(files, kills, seed, work), out);
        } finally {
            BenchFiles.deleteTree(work);
        }
        out.printf("%n%-34s %d fuzzed files%n", "files tried", soak.corpusFiles);
        row(out, "import", soak.imports);
        row(out, "tagging (ready stills and videos)", soak.tagging);
        row(out, "auto colour (ready stills and videos)", soak.colour);
        row(out, "render (ready videos, proxy, graded)", soak.renders);
        out.printf("%-34s %d%n", "files with neither row nor error", soak.filesWithoutOutcome);
        out.printf("%-34s 0 (this process ran to the end)%n", "studio crashes");
        out.printf("%-34s %d (isolated: the file failed, work went on)%n", "worker crashes",
                soak.stages().stream().mapToInt(t -> t.workerCrashes).sum());
        int hangs = soak.stages().stream().mapToInt(t -> t.hangs).sum();
        out.printf("%-34s %d%n", "hangs", hangs);
        out.printf("%-34s %d%n", "unexplained failures", soak.stages().stream().mapToInt(t -> t.unexpected).sum());
        out.printf("%-34s %s%n", "integrity check after the corpus", soak.integrity);
        var k = soak.kills;
        out.printf("%-34s %d (%d during import, %d during render, %d during tagging; %d had finished first)%n", "kill -9",
                k.kills, k.importKills, k.renderKills, k.tagKills, k.finishedBeforeKill);
        out.printf("%-34s %d of %d committed before the kills%n", "rows lost", k.rowsLost, k.rowsCommittedBeforeKills);
        out.printf("%-34s %d/%d ok%n", "integrity check after each kill", k.integrityOk, k.kills);
        out.printf("%-34s %d/%d%n", "killed jobs shown as interrupted", k.interruptedShown, k.kills - k.finishedBeforeKill);
        out.printf("%-34s %d%n", "unfinished renders with the final name", k.finishedNamesWithoutRender);
        out.printf("%-34s %d%n", "workers outliving a killed CLI", k.orphanWorkers);
        out.printf("%-34s studio %d MiB, media worker %d MiB (resident)%n", "peak memory", soak.studioPeakMib, soak.workerPeakMib);
        out.printf("%-34s %.0f s%n", "time", soak.seconds);
        boolean clean = soak.filesWithoutOutcome == 0 && k.rowsLost == 0 && k.integrityOk == k.kills && "ok".equals(soak.integrity)
                && hangs == 0 && k.finishedNamesWithoutRender == 0;
        return clean ? 0 : CutroomCli.EXIT_SOME_FAILED;
    }

    private static void row(PrintWriter out, String what, Soak.Tally t) {
        out.printf("%-34s %d tried, %d ok, %d failed with a reason%n", what, t.tried, t.succeeded, t.failedWithReason);
    }
}
