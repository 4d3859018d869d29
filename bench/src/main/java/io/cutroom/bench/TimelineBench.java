package io.cutroom.bench;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.ingest.ImportJob;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.MediaKind;
import io.cutroom.timelines.Timeline;
import io.cutroom.timelines.TimelineFormat;
import io.cutroom.usecases.Curation;
import io.cutroom.usecases.TimelineExchange;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom bench timeline}: a collection of 50 selects over real clips, written in every timeline format, and
 * the MLT project rendered by Debian's {@code melt}. The reference in the same run is the bundled ffmpeg cutting and
 * joining the same selects (trim and concat filters) into the same size, rate and codec.
 */
@Command(name = "timeline", description = "Exporting a 50-select collection in every format, and rendering it through melt.")
final class TimelineBench implements Callable<Integer> {
    @Option(names = "--media", defaultValue = "assets/demo/video", description = "Folder of clips (default: ${DEFAULT-VALUE}).")
    Path media;

    @Option(names = "--selects", defaultValue = "50", description = "Selects in the collection (default: ${DEFAULT-VALUE}).")
    int selectCount;

    @Option(names = "--rounds", defaultValue = "3", description = "Renders of each kind; the median is shown (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Files.createTempDirectory("cutroom-bench-timeline");
        try (CatalogDb db = CatalogDb.open(home)) {
            List<Path> clips;
            try (var list = Files.list(media)) {
                clips = list.filter(Files::isRegularFile).sorted().toList();
            }
            new ImportJob(db, clips, o -> { }).run(JobContext.NONE);
            List<Asset> videos = new AssetRepository(db).all().stream()
                    .filter(a -> a.isReady() && a.kind() == MediaKind.VIDEO && a.info().durationSec() != null
                            && a.info().durationSec() >= 2).toList();
            Curation curation = new Curation(db);
            Random random = new Random(7);
            for (int i = 0; i < selectCount; i++) {
                Asset a = videos.get(i % videos.size());
                double in = Math.floor(random.nextDouble() * (a.info().durationSec() - 1.5) * 10) / 10;
                curation.select(a.id(), in, in + 1.0, "select " + (i + 1));
            }
            curation.createCollection("Fifty", null);
            curation.addToCollection("Fifty", videos.stream().map(Asset::id).toList());
            Timeline timeline = new TimelineExchange(db).timeline("Fifty");
            out.printf(Locale.ROOT, "bench timeline: %d selects of 1 s over %d clips in %s (seed 7), sequence %d x %d at %d fps%n",
                    timeline.clips().size(), videos.size(), media, timeline.width(), timeline.height(), timeline.fps());
            out.println("machine: " + MachineDescription.describe());
            out.printf(Locale.ROOT, "%-10s %12s %10s%n", "format", "export ms", "bytes");
            for (TimelineFormat format : TimelineFormat.values()) {
                Path file = home.resolve("fifty." + format.extension());
                double[] ms = new double[7];
                for (int r = 0; r < ms.length; r++) {
                    long t0 = System.nanoTime();
                    new TimelineExchange(db).exportTimeline("Fifty", format, null, file, true);
                    ms[r] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                out.printf(Locale.ROOT, "%-10s %12.1f %10d%n", format.id(), ms[ms.length / 2], Files.size(file));
            }
            out.flush();
            Path mlt = home.resolve("fifty.mlt");
            double[] melt = new double[rounds];
            double[] ffmpeg = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                melt[r] = seconds(List.of("melt", mlt.toString(), "-consumer", "avformat:" + home.resolve("melt.mp4"),
                        "vcodec=libx264", "preset=veryfast", "crf=20", "an=1", "real_time=-1"));
                ffmpeg[r] = seconds(reference(timeline, home.resolve("ffmpeg.mp4")));
            }
            Arrays.sort(melt);
            Arrays.sort(ffmpeg);
            out.printf(Locale.ROOT, "render %.0f s of timeline, x264 veryfast crf 20, no audio, median of %d (range):%n",
                    timeline.startOf(timeline.clips().size()), rounds);
            out.printf(Locale.ROOT, "  melt (MLT project)            %6.1f s  (%.1f-%.1f)%n", melt[rounds / 2], melt[0], melt[rounds - 1]);
            out.printf(Locale.ROOT, "  ffmpeg trim+concat (reference) %5.1f s  (%.1f-%.1f)%n", ffmpeg[rounds / 2], ffmpeg[0], ffmpeg[rounds - 1]);
            out.printf(Locale.ROOT, "  ratio melt / ffmpeg: %.2f%n", melt[rounds / 2] / ffmpeg[rounds / 2]);
        }
        return 0;
    }

    /** The same cut by the bundled ffmpeg: each select trimmed from its file, scaled and padded, then joined. */
    private static List<String> reference(Timeline timeline, Path out) {
        List<String> command = new ArrayList<>(List.of(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y"));
        StringBuilder graph = new StringBuilder();
        List<Timeline.Clip> clips = timeline.clips();
        for (int i = 0; i < clips.size(); i++) {
            Timeline.Clip c = clips.get(i);
            command.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", c.inSec()), "-t",
                    String.format(Locale.ROOT, "%.3f", c.durationSec()), "-i", c.source().toString()));
            graph.append(String.format(Locale.ROOT, "[%d:v]fps=%d,scale=%d:%d:force_original_aspect_ratio=decrease,"
                    + "pad=%d:%d:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p[v%d];", i, timeline.fps(), timeline.width(),
                    timeline.height(), timeline.width(), timeline.height(), i));
        }
        for (int i = 0; i < clips.size(); i++) {
            graph.append("[v").append(i).append(']');
        }
        graph.append("concat=n=").append(clips.size()).append(":v=1:a=0[out]");
        command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]", "-c:v", "libx264", "-preset", "veryfast",
                "-crf", "20", out.toString()));
        return command;
    }

    private static double seconds(List<String> command) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + ").");
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
