package io.cutroom.timelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.TestMedia;
import io.cutroom.catalog.AssetLog;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.catalog.MarkerRepository;
import io.cutroom.catalog.ReframeRepository;
import io.cutroom.color.ClipGrading;
import io.cutroom.ingest.ImportJob;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.usecases.Curation;
import io.cutroom.usecases.TimelineExchange;
import io.cutroom.usecases.Workspace;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A collection of two selects, one from a file whose name holds quotes, an ampersand and non-ASCII letters,
 * exported in every format: each carries the clips' in and out points, markers and flags. The FCPXML validates
 * against Apple's 1.10 DTD with xmllint, and Debian's melt (the engine under Shotcut and Kdenlive) renders the MLT
 * project to the selects' length, starting on the in point's frame.
 */
class TimelineExportTest {
    private static final String HOSTILE_NOTE = "mug <in> \"frame\" & ünïcode";
    @TempDir
    static Path dir;
    private static CatalogDb db;
    private static Timeline timeline;
    private static Path cup;

    @BeforeAll
    static void collectionOfTwoSelects() throws Exception {
        cup = Files.copy(TestMedia.file("video/cup.mp4"), dir.resolve("cup \"take\" 2 & co ü.mp4"));
        db = TestCatalogs.open(dir.resolve("home"));
        new ImportJob(db, List.of(cup, TestMedia.file("video/chaplin.mp4")), o -> { }).run(JobContext.NONE);
        Curation curation = new Curation(db);
        curation.select(1, 2.0, 5.0, "the lift");
        curation.mark(1, 3.0, HOSTILE_NOTE);
        curation.flag(1, AssetLog.Flag.PICK);
        curation.select(2, 2.0, 4.0, "the hat");
        curation.createCollection("Reel", null);
        curation.addToCollection("Reel", List.of(1L, 2L));
        timeline = new TimelineExchange(db).timeline("Reel");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theTimelineHoldsTheSelectsInOrderAtTheSourcesRate() {
        assertThat(timeline.fps()).isEqualTo(25);
        assertThat(timeline.clips()).extracting(Timeline.Clip::name).containsExactly("the lift", "the hat");
        assertThat(timeline.clips().get(0).markers()).extracting(Timeline.Marker::text).contains(HOSTILE_NOTE);
        assertThat(timeline.startOf(2)).isEqualTo(5.0);
    }

    @Test
    void otioCarriesSourceRangesMarkersAndTheFile() throws Exception {
        JsonNode root = new ObjectMapper().readTree(write(TimelineFormat.OTIO).toFile());
        JsonNode clips = root.path("tracks").path("children").get(0).path("children");
        assertThat(clips).hasSize(2);
        JsonNode lift = clips.get(0);
        assertThat(lift.path("source_range").path("start_time").path("value").asDouble()).isEqualTo(50);
        assertThat(lift.path("source_range").path("duration").path("value").asDouble()).isEqualTo(75);
        assertThat(lift.path("media_references").path("DEFAULT_MEDIA").path("target_url").asText())
                .isEqualTo(cup.toUri().toString());
        assertThat(lift.path("markers").findValuesAsText("name")).contains(HOSTILE_NOTE);
        assertThat(lift.path("metadata").path("cutroom").path("flag").asText()).isEqualTo("pick");
    }

    @Test
    void fcpxmlAndXmemlCarryInOutPointsMarkersAndTheRating() throws Exception {
        Document fcp = xml(write(TimelineFormat.FCPXML));
        Element first = (Element) fcp.getElementsByTagName("asset-clip").item(0);
        assertThat(fcp.getElementsByTagName("asset-clip").getLength()).isEqualTo(2);
        assertThat(first.getAttribute("start")).isEqualTo("50/25s");
        assertThat(first.getAttribute("duration")).isEqualTo("75/25s");
        assertThat(((Element) first.getElementsByTagName("marker").item(0)).getAttribute("value")).isEqualTo(HOSTILE_NOTE);
        assertThat(((Element) first.getElementsByTagName("rating").item(0)).getAttribute("value")).isEqualTo("favorite");
        assertThat(((Element) fcp.getElementsByTagName("media-rep").item(0)).getAttribute("src")).isEqualTo(cup.toUri().toString());

        Document fcp7 = xml(write(TimelineFormat.XMEML));
        Element item = (Element) fcp7.getElementsByTagName("clipitem").item(1);
        assertThat(text(item, "in")).isEqualTo("50");
        assertThat(text(item, "out")).isEqualTo("100");
        assertThat(text(item, "start")).isEqualTo("75");
        assertThat(text((Element) fcp7.getElementsByTagName("marker").item(0), "name")).isEqualTo(HOSTILE_NOTE);
    }

    @Test
    void theFcpxmlValidatesAgainstApplesDtdAndABrokenOneDoesNot() throws Exception {
        Path dtd = dir.resolve("FCPXMLv1_10.dtd");
        try (var in = TimelineExportTest.class.getResourceAsStream("FCPXMLv1_10.dtd")) {
            Files.copy(in, dtd);
        }
        Path fcpxml = write(TimelineFormat.FCPXML);
        assertThat(xmllint(dtd, fcpxml)).as("xmllint on the export").isZero();
        Path broken = dir.resolve("broken.fcpxml");
        Files.writeString(broken, Files.readString(fcpxml).replaceAll("<media-rep[^>]*>(</media-rep>)?", ""));
        assertThat(xmllint(dtd, broken)).as("xmllint on an asset without its media").isNotZero();

        // A 9:16 sequence: every clip carries a keyframed transform, and stays valid.
        Timeline vertical = new TimelineExchange(db).timeline("Reel", AspectRatio.VERTICAL);
        Path reframed = dir.resolve("vertical.fcpxml");
        TimelineFile.write(vertical, TimelineFormat.FCPXML, reframed, true);
        assertThat(xmllint(dtd, reframed)).as("xmllint on the 9:16 export: " + Files.readString(dir.resolve("xmllint.log"))).isZero();
        assertThat(xml(reframed).getElementsByTagName("adjust-transform").getLength()).isEqualTo(2);
        assertThat(xml(reframed).getElementsByTagName("format").item(0).getAttributes().getNamedItem("width").getNodeValue())
                .isEqualTo("1080");
    }

    private static int xmllint(Path dtd, Path file) throws Exception {
        Process p = new ProcessBuilder("xmllint", "--noout", "--dtdvalid", dtd.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("xmllint.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void theEdlHasOneEventPerSelectWithSourceAndRecordTimecodes() throws Exception {
        List<String> lines = Files.readAllLines(write(TimelineFormat.EDL));
        assertThat(lines).filteredOn(l -> l.matches("^\\d{3}  .*")).containsExactly(
                "001  AX       B     C        00:00:02:00 00:00:05:00 01:00:00:00 01:00:03:00",
                "002  AX       B     C        00:00:02:00 00:00:04:00 01:00:03:00 01:00:05:00");
        assertThat(lines).contains("* FROM CLIP NAME: the lift", "* SOURCE FILE: " + cup.toAbsolutePath());
    }

    @Test
    void meltRendersTheMltProjectFromTheInPointForTheSelectsLength() throws Exception {
        Path project = write(TimelineFormat.MLT);
        Path rendered = dir.resolve("melt.mp4");
        Process melt = new ProcessBuilder("melt", project.toString(), "-consumer", "avformat:" + rendered,
                "vcodec=libx264", "acodec=aac", "real_time=-1").redirectErrorStream(true)
                .redirectOutput(dir.resolve("melt.log").toFile()).start();
        assertThat(melt.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(melt.exitValue()).as(Files.readString(dir.resolve("melt.log"))).isZero();
        double seconds = TestMedia.ffprobe(rendered).path("format").path("duration").asDouble();
        assertThat(seconds).isCloseTo(5.0, within(0.1));

        BufferedImage first = frame(rendered, 0.0);
        BufferedImage source = frame(cup, 2.0);
        // The hand moves fast there: half a second either side of the in point differs by 28 grey levels or more.
        assertThat(meanDifference(first, source)).as("melt's first frame against the source at the in point").isLessThan(12);
        assertThat(meanDifference(first, frame(cup, 0.0))).as("against the start of the file").isGreaterThan(20);
    }

    @Test
    void meltRendersAReframedGradedSequenceAsCutroomsOwnRenderDoes() throws Exception {
        // A pan across the cup clip for 9:16, and a warm, brighter grade: what reframing and the colour panel store.
        double w = (9.0 / 16) / (640.0 / 480);
        CropTrack pan = new CropTrack(640, 480, AspectRatio.VERTICAL, List.of(
                new CropTrack.Keyframe(0, new CropWindow(0, 0, w, 1)), new CropTrack.Keyframe(8, new CropWindow(1 - w, 0, w, 1))));
        new ReframeRepository(db).save(new ReframeRepository.Stored(1, "9:16", "calm", "{}", pan.toJson(), "[]", "[]", "[]",
                "[]", Instant.now()));
        Grade warm = new Grade(0.4, 1.1, 1.0, 0.0, 0.0, List.of(1.1, 1.0, 0.85), 1.0, null, 0.0, 1.0, null);
        new ClipGrading(db).saveManual(1, warm);
        Curation curation = new Curation(db);
        curation.createCollection("Vertical", null);
        curation.addToCollection("Vertical", List.of(1L));

        TimelineExchange.Exported exported = new TimelineExchange(db).exportTimeline("Vertical", TimelineFormat.MLT, AspectRatio.VERTICAL,
                dir.resolve("vertical.mlt"), true);
        assertThat(exported.luts()).hasSize(1);
        assertThat(exported.timeline().width()).isEqualTo(1080);
        assertThat(exported.timeline().height()).isEqualTo(1920);
        Path melted = dir.resolve("vertical-melt.mp4");
        Process melt = new ProcessBuilder("melt", exported.file().toString(), "-consumer", "avformat:" + melted,
                "vcodec=libx264", "an=1", "real_time=-1").redirectErrorStream(true)
                .redirectOutput(dir.resolve("melt-vertical.log").toFile()).start();
        assertThat(melt.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(melt.exitValue()).as(Files.readString(dir.resolve("melt-vertical.log"))).isZero();

        Path ours = dir.resolve("vertical-cutroom.mp4");
        new Workspace(db).render(1, new RenderRequest(cup, ours, RenderPreset.SOCIAL_VERTICAL, AspectRatio.VERTICAL, pan, warm,
                null, true)).job().run(JobContext.NONE);
        Path centred = dir.resolve("vertical-centre.mp4");
        new Workspace(db).render(1, new RenderRequest(cup, centred, RenderPreset.SOCIAL_VERTICAL, AspectRatio.VERTICAL,
                null, null, null, true)).job().run(JobContext.NONE);

        // melt shows the source at 25 fps, Cutroom at the source's 26.8: a sequence frame falls between two source
        // frames, and the hand moves fast (a frame apart reads 7 to 16 grey levels). So each melt frame is held against
        // the nearest of Cutroom's frames a frame either side. Measured: 1.8 to 2.0 levels, two encoders and a 33-point
        // LUT against exact tables; the ungraded centre crop reads 47.
        for (double t : new double[] {0.4, 1.5, 2.6}) {
            BufferedImage fromMelt = portrait(melted, t);
            double nearest = Double.MAX_VALUE;
            for (double frame : new double[] {-1 / 26.8, 0, 1 / 26.8}) {
                nearest = Math.min(nearest, meanDifference(fromMelt, portrait(ours, 2.0 + t + frame)));
            }
            assertThat(nearest).as("melt against Cutroom's render at %.1f s", t).isLessThan(4);
            assertThat(meanDifference(fromMelt, portrait(centred, 2.0 + t))).as("against the plain centre crop").isGreaterThan(12);
        }
    }

    @Test
    void everyFormatComesBackThroughCutroomsOwnImporterWithTheSameClipsAndMarkers() throws Exception {
        Curation curation = new Curation(db);
        for (TimelineFormat format : TimelineFormat.values()) {
            TimelineExchange.TimelineImport back = new TimelineExchange(db).importTimeline(write(format), "Back " + format.id(), 25);
            assertThat(back.notFound()).as(format.id()).isEmpty();
            assertThat(back.selects()).as(format.id()).extracting(s -> s.assetId()).containsExactly(1L, 2L);
            assertThat(back.selects().get(0).inSec()).as(format.id()).isCloseTo(2.0, within(0.04));
            assertThat(back.selects().get(0).outSec()).as(format.id()).isCloseTo(5.0, within(0.04));
            assertThat(back.selects().get(1).inSec()).as(format.id()).isCloseTo(2.0, within(0.04));
            assertThat(back.selects().get(0).name()).as(format.id()).isIn("the lift", cup.getFileName().toString());
            assertThat(back.markers()).as(format.id() + ": the marker with the hostile note is there already, not made twice").isZero();
            assertThat(curation.members("Back " + format.id())).extracting(a -> a.id()).containsExactly(1L, 2L);
        }
        assertThat(new MarkerRepository(db).markers(1)).extracting(m -> m.note()).containsExactly(HOSTILE_NOTE);
        assertThat(new MarkerRepository(db).selects(1)).hasSize(1);
        Timeline vertical = new TimelineExchange(db).timeline("Reel", AspectRatio.VERTICAL);
        for (TimelineFormat format : List.of(TimelineFormat.OTIO, TimelineFormat.FCPXML, TimelineFormat.XMEML, TimelineFormat.MLT)) {
            Path file = dir.resolve("vertical-back." + format.extension());
            TimelineFile.write(vertical, format, file, true);
            TimelineExchange.TimelineImport back = new TimelineExchange(db).importTimeline(file, "Vertical back " + format.id(), 25);
            assertThat(back.selects()).as("9:16 " + format.id()).extracting(s -> s.assetId())
                    .containsExactlyElementsOf(vertical.clips().stream().map(Timeline.Clip::assetId).toList());
            assertThat(back.selects().get(0).outSec()).as("9:16 " + format.id()).isCloseTo(5.0, within(0.04));
        }
    }

    @Test
    void theFcp7XmlCarriesTheReframeAsBasicMotionKeyframes() throws Exception {
        // A pan over a 640 x 480 source in a 1080 x 1920 sequence, from the left edge at 0 s to the right edge at 8 s.
        double w = (9.0 / 16) / (640.0 / 480);
        CropTrack pan = new CropTrack(640, 480, AspectRatio.VERTICAL, List.of(
                new CropTrack.Keyframe(0, new CropWindow(0, 0, w, 1)), new CropTrack.Keyframe(8, new CropWindow(1 - w, 0, w, 1))));
        Timeline.Clip clip = new Timeline.Clip(1, cup, "pan", 2.0, 6.0, 8.1, true, false, 0, "none", List.of(), pan, null);
        Path file = dir.resolve("pan.xml");
        TimelineFile.write(new Timeline("Pan", 25, 1080, 1920, List.of(clip)), TimelineFormat.XMEML, file, true);
        Element motion = (Element) xml(file).getElementsByTagName("effect").item(0);
        assertThat(text(motion, "effectid")).isEqualTo("basic");
        // Scale: the window's 480 source rows fill 1920 sequence rows, 400%.
        assertThat(Double.parseDouble(text(motion, "value"))).isCloseTo(400, within(0.01));
        var keys = motion.getElementsByTagName("keyframe");
        assertThat(keys.getLength()).isEqualTo(4); // scale and center, at the in and the out point
        Element firstCentre = (Element) keys.item(2);
        assertThat(text(firstCentre, "when")).isEqualTo("0");
        // At 2 s the window's middle is 1/4 of the way along the pan: the source sits right of centre by the rest.
        double middle = (0.25 * (1 - w) + w / 2) * 640;
        assertThat(Double.parseDouble(text(firstCentre, "horiz"))).isCloseTo(-2 * (middle - 320) * 4 / 1080, within(1e-5));
        assertThat(Double.parseDouble(text(firstCentre, "vert"))).isCloseTo(0, within(1e-9));
        assertThat(text((Element) keys.item(3), "when")).isEqualTo("100");
    }

    @Test
    void aFileNameWithANewlineComesBackInEveryFormat() throws Exception {
        Path odd = Files.copy(TestMedia.file("video/realshort.mp4"), dir.resolve("take\n2 <b>.mp4"));
        new ImportJob(db, List.of(odd), o -> { }).run(JobContext.NONE);
        Curation curation = new Curation(db);
        long id = new AssetRepository(db).all().stream().filter(a -> a.path().equals(odd)).findFirst().orElseThrow().id();
        curation.createCollection("Odd names", null);
        curation.addToCollection("Odd names", List.of(id));
        for (TimelineFormat format : TimelineFormat.values()) {
            Path file = dir.resolve("odd." + format.extension());
            new TimelineExchange(db).exportTimeline("Odd names", format, null, file, true);
            TimelineExchange.TimelineImport back = new TimelineExchange(db).importTimeline(file, "Odd back " + format.id(), 30);
            assertThat(back.notFound()).as(format.id()).isEmpty();
            assertThat(back.selects()).as(format.id()).extracting(s -> s.assetId()).containsExactly(id);
        }
    }

    @Test
    void aTimelineFromElsewhereFindsItsFilesByNameAndSaysWhichItCouldNot() throws Exception {
        Path edl = dir.resolve("elsewhere.edl");
        Files.writeString(edl, "TITLE: From the edit bay\r\nFCM: NON-DROP FRAME\r\n\r\n"
                + "001  AX       V     C        00:00:01:00 00:00:02:00 01:00:00:00 01:00:01:00\r\n"
                + "* FROM CLIP NAME: hat\r\n* SOURCE FILE: /Volumes/Media/old/chaplin.mp4\r\n"
                + "* LOC: 01:00:00:12 RED     look up\r\n\r\n"
                + "002  AX       V     C        00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00\r\n"
                + "* FROM CLIP NAME: gone\r\n* SOURCE FILE: /Volumes/Media/old/nowhere.mov\r\n");
        TimelineExchange.TimelineImport result = new TimelineExchange(db).importTimeline(edl, null, 25);
        assertThat(result.collection().name()).isEqualTo("From the edit bay");
        assertThat(result.selects()).singleElement().satisfies(s -> {
            assertThat(s.assetId()).isEqualTo(2);
            assertThat(s.inSec()).isEqualTo(1.0);
            assertThat(s.name()).isEqualTo("hat");
        });
        assertThat(result.markers()).isEqualTo(1);
        assertThat(result.notFound()).singleElement().asString().contains("nowhere.mov");
    }

    private static Path write(TimelineFormat format) throws Exception {
        Path file = dir.resolve("reel." + format.extension());
        TimelineFile.write(timeline, format, file, true);
        return file;
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }

    /** The frame at {@code sec}, decoded by the bundled ffmpeg at 160 x 120. */
    private static BufferedImage frame(Path video, double sec) throws Exception {
        return frame(video, sec, "scale=160:120");
    }

    private static BufferedImage frame(Path video, double sec, String scale) throws Exception {
        Path png = Files.createTempFile(dir, "frame", ".png");
        Process p = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-v", "error", "-y", "-ss", Double.toString(sec), "-i",
                video.toString(), "-frames:v", "1", "-vf", scale, png.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        return ImageIO.read(png.toFile());
    }

    /** A 9:16 frame, small, for comparing two renders of a vertical sequence. */
    private static BufferedImage portrait(Path video, double sec) throws Exception {
        return frame(video, sec, "scale=90:160");
    }

    /** Mean absolute difference of the two pictures' grey levels, 0 to 255. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
            }
        }
        return sum / (a.getWidth() * a.getHeight());
    }

    private static double grey(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    }
}
