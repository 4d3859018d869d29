package io.cutroom.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutroom.TestMedia;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renders real and generated clips and checks the files as a user would: with ffprobe and by their pixels. */
class RenderPipelineTest {
    private static final JobContext RUN = JobContext.NONE;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "video/big_buck_bunny_0_30.webm, proxy, h264, 960, 540, true",
            "video/cockatoo.mp4, square, h264, 1080, 1080, true",
            "video/fire2.mp4, portrait, h264, 1080, 1350, true",
            "video/tree.avi, web, vp9, 320, 240, false"})
    void rendersRealClipsToThePresetsSpecification(String source, String preset, String codec, int width, int height,
                                                   boolean audio) throws Exception {
        Path in = TestMedia.file(source);
        RenderPreset p = RenderPreset.fromId(preset);
        Path out = dir.resolve("out." + p.container());
        RenderResult result = new RenderPipeline().render(new RenderRequest(in, out, p, null, null, null, null, false), RUN);

        JsonNode probe = TestMedia.ffprobe(out);
        JsonNode sourceProbe = TestMedia.ffprobe(in);
        JsonNode video = stream(probe, "video");
        assertThat(video.path("codec_name").asText()).isEqualTo(codec);
        assertThat(video.path("width").asInt()).isEqualTo(width);
        assertThat(video.path("height").asInt()).isEqualTo(height);
        assertThat(result.width()).isEqualTo(width);
        assertThat(stream(probe, "audio") != null).isEqualTo(audio);
        double frame = 1 / rate(stream(sourceProbe, "video").path("avg_frame_rate").asText());
        double expected = TestMedia.lastPacketEnd(in) > 0 && sourceProbe.path("format").has("duration")
                ? stream(sourceProbe, "video").path("duration").asDouble(sourceProbe.path("format").path("duration").asDouble())
                : TestMedia.lastPacketEnd(in);
        assertThat(TestMedia.lastPacketEnd(out)).as("duration of " + source).isCloseTo(expected, within(frame));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(out);
        }
    }

    @Test
    void audioIsCopiedBitForBitWhenTheContainerTakesItAndReencodedWhenNot() throws Exception {
        Path cup = TestMedia.file("video/cup.mp4");
        Path square = dir.resolve("square.mp4");
        new RenderPipeline().render(new RenderRequest(cup, square, RenderPreset.SQUARE, null, null, null, null, false), RUN);
        assertThat(audioPacketsMd5(square)).isEqualTo(audioPacketsMd5(cup));
        Path web = dir.resolve("web.webm");
        new RenderPipeline().render(new RenderRequest(cup, web, RenderPreset.WEB, null, null, null, null, false), RUN);
        assertThat(stream(TestMedia.ffprobe(web), "audio").path("codec_name").asText()).isEqualTo("opus");
    }

    @Test
    void aVariableFrameRateClipKeepsTheTimeOfEveryFrame() throws Exception {
        Path fire = TestMedia.file("video/fire2.mp4");
        Path out = dir.resolve("vfr.mp4");
        new RenderPipeline().render(new RenderRequest(fire, out, RenderPreset.PROXY, null, null, null, null, false), RUN);
        List<Double> source = framePts(fire);
        List<Double> rendered = framePts(out);
        assertThat(rendered).hasSameSizeAs(source);
        for (int i = 0; i < source.size(); i++) {
            assertThat(rendered.get(i)).as("frame " + i).isCloseTo(source.get(i), within(0.001));
        }
        assertThat(source.get(7) - source.get(6)).isNotCloseTo(source.get(1) - source.get(0), within(0.005));
    }

    private static List<Double> framePts(Path file) throws Exception {
        Process p = new ProcessBuilder(Ffmpeg.ffprobeExecutable(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "frame=pts_time", "-of", "csv=p=0", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        List<Double> times = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) {
                times.add(Double.parseDouble(line.replace(",", "").strip()));
            }
        }
        return times;
    }

    private String audioPacketsMd5(Path file) throws Exception {
        Process p = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-v", "error", "-i", file.toString(), "-map", "0:a",
                "-c", "copy", "-f", "md5", "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void aMovingCropTrackPutsTheMarkerWhereTheTrackSays() throws Exception {
        // A white 40x40 square centred at (320, 180) on black, 2 s at 25 fps.
        Path clip = generate("marker.mp4", "color=black:size=640x360:rate=25:duration=2",
                "drawbox=x=300:y=160:w=40:h=40:color=white:t=fill");
        double w = (9.0 / 16) * 360 / 640;
        CropTrack track = new CropTrack(640, 360, AspectRatio.VERTICAL, List.of(
                new CropTrack.Keyframe(0, new CropWindow(0.25, 0, w, 1)),
                new CropTrack.Keyframe(1.96, new CropWindow(0.45, 0, w, 1))));
        Path out = dir.resolve("vertical.mp4");
        new RenderPipeline().render(new RenderRequest(clip, out, RenderPreset.SOCIAL_VERTICAL, null, track, null, null, false), RUN);

        int checked = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(out.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                double t = frame.timestamp / 1e6;
                int[] window = track.windowAt(t).toPixels(640, 360);
                double expectedX = (320 - window[0]) * 1080.0 / window[2];
                double[] centre = brightCentroid(converter.convert(frame));
                assertThat(centre[0]).as("marker x at %.2f s", t).isCloseTo(expectedX, within(8.0));
                assertThat(centre[1]).as("marker y at %.2f s", t).isCloseTo(960.0, within(8.0));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(50);
    }

    @Test
    void aGradeMovesANeutralGreyPatchToTheValueThePreviewPredicts() throws Exception {
        Path grey = generate("grey.mp4", "color=0x767676:size=320x240:rate=25:duration=1", "null");
        Grade grade = new Grade(1.0, null, null, 25.0, null, null, null, null);
        Path out = dir.resolve("graded.mp4");
        new RenderPipeline().render(new RenderRequest(grey, out, RenderPreset.MASTER, null, null, grade, null, false), RUN);
        double[] source = meanCentre(grey);
        int[] expected = {(int) Math.round(source[0]), (int) Math.round(source[1]), (int) Math.round(source[2])};
        assertThat(expected[1]).isBetween(117, 118); // 0x76, give or take the decoder's rounding
        new GradePreview(grade).apply(expected);
        double[] measured = meanCentre(out);
        for (int c = 0; c < 3; c++) {
            assertThat(measured[c]).as("channel " + "RGB".charAt(c)).isCloseTo(expected[c], within(3.0));
        }
        assertThat(expected[0]).isGreaterThan(expected[2]); // warm: red above blue
    }

    @Test
    void perShotCorrectionsChangeAtTheCutAndMatchThePreview() throws Exception {
        Path grey = generate("grey2.mp4", "color=0x767676:size=320x240:rate=25:duration=2", "null");
        Grade grade = new Grade(0.0, 1.1, null, null, null, null, null, null, 0.03, 0.95, List.of(
                new ShotCorrection(0, 1, List.of(1.2, 1.0, 0.8), 0.0),
                new ShotCorrection(1, 2, List.of(0.8, 1.0, 1.25), 0.5)));
        Path out = dir.resolve("shots.mp4");
        new RenderPipeline().render(new RenderRequest(grey, out, RenderPreset.MASTER, null, null, grade, null, false), RUN);
        double[] source = meanCentre(frameAt(grey, 0.5));
        for (double t : new double[] {0.5, 1.5}) {
            int[] expected = {(int) Math.round(source[0]), (int) Math.round(source[1]), (int) Math.round(source[2])};
            new GradePreview(grade.at(t)).apply(expected);
            double[] measured = meanCentre(frameAt(out, t));
            for (int c = 0; c < 3; c++) {
                assertThat(measured[c]).as("channel " + "RGB".charAt(c) + " at " + t + " s").isCloseTo(expected[c], within(3.0));
            }
        }
        double[] warm = meanCentre(frameAt(out, 0.96));
        double[] cool = meanCentre(frameAt(out, 1.0));
        assertThat(warm[0]).as("the first shot is warm up to its last frame").isGreaterThan(warm[2] + 10);
        assertThat(cool[2]).as("the second shot is cool from its first frame").isGreaterThan(cool[0] + 10);

        // The command line's one-chain form of the same grade, which bench color times the pipeline against.
        Path cli = dir.resolve("shots-cli.mp4");
        Process p = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-i", grey.toString(),
                "-vf", GradeFilters.clipChain(grade, "yuv420p"), "-c:v", "libx264", "-qp", "0", "-pix_fmt", "yuv420p",
                cli.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        for (double t : new double[] {0.5, 0.96, 1.0, 1.5}) {
            double[] pipeline = meanCentre(frameAt(out, t));
            double[] commandLine = meanCentre(frameAt(cli, t));
            for (int c = 0; c < 3; c++) {
                assertThat(commandLine[c]).as("CLI channel " + "RGB".charAt(c) + " at " + t + " s").isCloseTo(pipeline[c], within(1.5));
            }
        }
    }

    @Test
    void aLutWhosePathHoldsFilterSyntaxStillGrades() throws Exception {
        Path grey = generate("grey-lut.mp4", "color=0x767676:size=320x240:rate=25:duration=1", "null");
        Path lut = dir.resolve("look 'q' ;x:y [1],é.cube");
        // A 2-point LUT (red listed fastest) that darkens everything by a quarter.
        Files.writeString(lut, "LUT_3D_SIZE 2\n0 0 0\n0.75 0 0\n0 0.75 0\n0.75 0.75 0\n0 0 0.75\n0.75 0 0.75\n0 0.75 0.75\n"
                + "0.75 0.75 0.75\n");
        Grade grade = Grade.NEUTRAL.withLut(lut.toString());
        Path out = dir.resolve("graded by 'odd' LUT.mp4");
        new RenderPipeline().render(new RenderRequest(grey, out, RenderPreset.MASTER, null, null, grade, null, false), RUN);
        int[] expected = {0x76, 0x76, 0x76};
        new GradePreview(grade).apply(expected);
        double[] measured = meanCentre(out);
        assertThat(expected[1]).as("the LUT darkens").isLessThan(0x76 - 20);
        for (int c = 0; c < 3; c++) {
            assertThat(measured[c]).as("channel " + "RGB".charAt(c)).isCloseTo(expected[c], within(4.0));
        }
    }

    @Test
    void thePreviewMatchesTheRenderedFrameOfARealClip() throws Exception {
        Grade grade = new Grade(0.3, 1.15, 0.8, -20.0, 5.0, null, 1.1, null);
        Path source = TestMedia.file("video/cup.mp4");
        Path out = dir.resolve("cup.mp4");
        new RenderPipeline().render(new RenderRequest(source, out, RenderPreset.MASTER, null, null, grade, null, false), RUN);
        BufferedImage previewed = new GradePreview(grade).apply(firstFrame(source));
        BufferedImage rendered = firstFrame(out);
        double total = 0;
        for (int y = 0; y < rendered.getHeight(); y++) {
            for (int x = 0; x < rendered.getWidth(); x++) {
                int a = previewed.getRGB(x, y);
                int b = rendered.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff));
                }
            }
        }
        double meanError = total / (rendered.getWidth() * rendered.getHeight() * 3.0);
        assertThat(meanError).as("mean difference in 8-bit levels").isLessThan(3.0);
    }

    @Test
    void cancellingMidwayLeavesNoFileAtTheTarget() throws Exception {
        Path out = dir.resolve("cancelled.mp4");
        assertThatThrownBy(() -> new RenderPipeline().render(new RenderRequest(TestMedia.file("video/chaplin.mp4"), out,
                RenderPreset.SQUARE, null, null, null, null, false), JobContext.stopAfter(40)))
                .isInstanceOf(JobCancelledException.class);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anExistingFileIsKeptUnlessReplacingIsAllowedAndStillsAreRefused() throws Exception {
        Path out = Files.writeString(dir.resolve("taken.mp4"), "the editor's earlier export");
        RenderRequest request = new RenderRequest(TestMedia.file("video/realshort.mp4"), out, RenderPreset.PROXY, null,
                null, null, null, false);
        assertThatThrownBy(() -> new RenderPipeline().render(request, RUN)).hasMessageContaining("already exists");
        assertThat(Files.readString(out)).isEqualTo("the editor's earlier export");
        assertThatThrownBy(() -> new RenderPipeline().render(new RenderRequest(TestMedia.file("images/skimage/coffee.png"),
                dir.resolve("still.mp4"), RenderPreset.PROXY, null, null, null, null, false), RUN))
                .isInstanceOf(RenderException.class).hasMessageContaining("only video can be rendered");
    }

    private Path generate(String name, String source, String filter) throws Exception {
        return generate(dir, name, source, filter);
    }

    /** A lossless H.264 clip in {@code folder} from an FFmpeg source and filter, made by the bundled ffmpeg. */
    static Path generate(Path folder, String name, String source, String filter) throws Exception {
        Path out = folder.resolve(name);
        Process p = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-f", "lavfi", "-i", source,
                "-vf", filter, "-c:v", "libx264", "-qp", "0", "-pix_fmt", "yuv420p", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        return out;
    }

    private static double[] brightCentroid(BufferedImage image) {
        double sx = 0;
        double sy = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (((image.getRGB(x, y) >> 8) & 0xff) > 128) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        assertThat(n).as("marker pixels").isGreaterThan(0);
        return new double[] {sx / n, sy / n};
    }

    private static double[] meanCentre(Path file) throws Exception {
        return meanCentre(firstFrame(file));
    }

    /** The first decoded frame shown at or after {@code sec}. */
    private static BufferedImage frameAt(Path file, double sec) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            org.bytedeco.javacv.Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frame.timestamp >= Math.round(sec * 1e6) - 1000) {
                    BufferedImage converted = converter.convert(frame);
                    BufferedImage copy = new BufferedImage(converted.getWidth(), converted.getHeight(), BufferedImage.TYPE_INT_RGB);
                    copy.getGraphics().drawImage(converted, 0, 0, null);
                    return copy;
                }
            }
            throw new AssertionError("no frame at " + sec + " s in " + file.getFileName());
        }
    }

    private static double[] meanCentre(BufferedImage image) {
        double[] sum = new double[3];
        int n = 0;
        for (int y = image.getHeight() / 4; y < image.getHeight() * 3 / 4; y++) {
            for (int x = image.getWidth() / 4; x < image.getWidth() * 3 / 4; x++) {
                int p = image.getRGB(x, y);
                sum[0] += (p >> 16) & 0xff;
                sum[1] += (p >> 8) & 0xff;
                sum[2] += p & 0xff;
                n++;
            }
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    private static BufferedImage firstFrame(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            BufferedImage converted = converter.convert(grabber.grabImage());
            BufferedImage copy = new BufferedImage(converted.getWidth(), converted.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(converted, 0, 0, null);
            return copy;
        }
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (type.equals(s.path("codec_type").asText()) && s.path("disposition").path("attached_pic").asInt() == 0) {
                return s;
            }
        }
        return null;
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }

}
