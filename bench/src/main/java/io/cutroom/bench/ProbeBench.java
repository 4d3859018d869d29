package io.cutroom.bench;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.cli.Format;
import io.cutroom.ingest.DemoMedia;
import io.cutroom.ingest.Importer;
import io.cutroom.ingest.MediaFiles;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.ProbeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Times probing a folder of real media three ways: Cutroom's in-process probe, a full import (probe,
 * hash, thumbnails and catalog rows), and the bundled ffprobe executable run once per file as a script
 * would. Each figure is the median of several rounds after a warm-up round.
 */
@Command(name = "probe", description = "Probe speed against the bundled ffprobe.")
final class ProbeBench implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FOLDER", description = "Media folder (default: the demo media).")
    Path folder;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds per method (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path source = folder != null ? folder : DemoMedia.folder()
                .orElseThrow(() -> new IllegalStateException("No folder given and no demo media found."));
        List<Path> files = MediaFiles.expand(List.of(source)).files();
        if (files.isEmpty()) {
            throw new IllegalStateException("No media files in " + source + ".");
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        out.printf("bench probe: %d files, %s, in %s%n", files.size(), Format.bytes(bytes), source);
        out.printf("machine: %s%n", MachineDescription.describe());

        JavaCvProbe probe = new JavaCvProbe();
        double probeMs = median(rounds, () -> {
            for (Path f : files) {
                try {
                    probe.probe(f);
                } catch (ProbeException expected) {
                    // Broken files are part of real folders; they cost time too.
                }
            }
        }) / files.size();
        double importMs = median(rounds, () -> importAll(files)) / files.size();
        String ffprobe = Ffmpeg.ffprobeExecutable();
        double ffprobeMs = median(rounds, () -> {
            for (Path f : files) {
                runFfprobe(ffprobe, f);
            }
        }) / files.size();

        out.printf("%-44s %9s %11s%n", "method", "ms/file", "files/s");
        row(out, "cutroom probe (in process)", probeMs);
        row(out, "cutroom import (probe+hash+thumbnails+row)", importMs);
        row(out, "ffprobe CLI (one process per file)", ffprobeMs);
        out.printf("ratio ffprobe/cutroom probe: %.2fx (above 1 means Cutroom is faster)%n", ffprobeMs / probeMs);
        out.printf("ratio ffprobe/cutroom import: %.2fx%n", ffprobeMs / importMs);
        return 0;
    }

    private static void row(PrintWriter out, String name, double msPerFile) {
        out.printf("%-44s %9.2f %11.1f%n", name, msPerFile, 1000.0 / msPerFile);
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Milliseconds of the median round, after one untimed warm-up round. */
    private static double median(int rounds, Work work) throws Exception {
        work.run();
        double[] times = new double[Math.max(1, rounds)];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private static void importAll(List<Path> files) throws IOException {
        Path home = Files.createTempDirectory("cutroom-bench");
        try (CatalogDb db = CatalogDb.open(home)) {
            Importer importer = new Importer(db);
            files.forEach(importer::importFile);
        } finally {
            BenchFiles.deleteTree(home);
        }
    }

    private static void runFfprobe(String ffprobe, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ffprobe, "-v", "error", "-show_format", "-show_streams",
                "-of", "json", file.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor();
    }
}
