package io.cutroom.timelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a timeline an editing app wrote (OTIO, FCPXML, FCP7 XML, CMX 3600 EDL or MLT) into its clips: each
 * clip's source file, name, source in and out points and markers, in seconds of the source. XML is read with
 * external entities and DTDs switched off, so a hostile file cannot reach the network or the disk.
 */
public final class TimelineReader {
    private static final Pattern EDL_EVENT = Pattern.compile(
            "^(\\d{3,6})\\s+(\\S+)\\s+(\\S+)\\s+C\\S*\\s+(\\d{2}:\\d{2}:\\d{2}[:;]\\d{2})\\s+(\\d{2}:\\d{2}:\\d{2}[:;]\\d{2})"
                    + "\\s+(\\d{2}:\\d{2}:\\d{2}[:;]\\d{2})\\s+(\\d{2}:\\d{2}:\\d{2}[:;]\\d{2})\\s*$");

    private TimelineReader() {
    }

    /** The timeline's clips; {@code edlFps} is the frame rate an EDL's timecodes count in (EDLs do not say). */
    public static Timeline read(Path file, int edlFps) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".otio")) return otio(file);
            if (name.endsWith(".edl")) return edl(file, edlFps);
            Document xml = xml(file);
            String root = xml.getDocumentElement().getTagName();
            return switch (root) {
                case "fcpxml" -> fcpxml(xml, file);
                case "xmeml" -> xmeml(xml, file);
                case "mlt" -> mlt(xml, file);
                default -> throw new IOException(file.getFileName() + " is not a timeline Cutroom reads (OTIO, FCPXML, FCP7 XML, EDL, MLT).");
            };
        } catch (SAXException | ParserConfigurationException | RuntimeException e) {
            throw new IOException(file.getFileName() + " could not be read as a timeline: it is damaged or not one.", e);
        }
    }

    private static Timeline otio(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Timeline.Clip> clips = new ArrayList<>();
        int fps = 25;
        for (JsonNode track : root.path("tracks").path("children")) {
            if (!track.path("kind").asText().equals("Video")) continue;
            for (JsonNode item : track.path("children")) {
                if (!item.path("OTIO_SCHEMA").asText().startsWith("Clip")) continue;
                JsonNode range = item.path("source_range");
                double rate = range.path("start_time").path("rate").asDouble(25);
                fps = (int) Math.round(rate);
                double in = range.path("start_time").path("value").asDouble() / rate;
                double out = in + range.path("duration").path("value").asDouble() / range.path("duration").path("rate").asDouble(rate);
                JsonNode ref = item.path("media_references").path(item.path("active_media_reference_key").asText("DEFAULT_MEDIA"));
                if (ref.isMissingNode()) ref = item.path("media_reference");
                List<Timeline.Marker> markers = new ArrayList<>();
                for (JsonNode m : item.path("markers")) {
                    JsonNode start = m.path("marked_range").path("start_time");
                    markers.add(new Timeline.Marker(start.path("value").asDouble() / start.path("rate").asDouble(rate), m.path("name").asText(),
                            m.path("comment").asText("note")));
                }
                clips.add(clip(path(ref.path("target_url").asText()), item.path("name").asText(), in, out, markers));
            }
        }
        return new Timeline(root.path("name").asText(file.getFileName().toString()), fps, 1920, 1080, clips);
    }

    private static Timeline fcpxml(Document xml, Path file) {
        Map<String, Path> assets = new HashMap<>();
        NodeList assetNodes = xml.getElementsByTagName("asset");
        for (int i = 0; i < assetNodes.getLength(); i++) {
            Element a = (Element) assetNodes.item(i);
            NodeList reps = a.getElementsByTagName("media-rep");
            String src = reps.getLength() > 0 ? ((Element) reps.item(0)).getAttribute("src") : a.getAttribute("src");
            assets.put(a.getAttribute("id"), path(src));
        }
        List<Timeline.Clip> clips = new ArrayList<>();
        NodeList clipNodes = xml.getElementsByTagName("asset-clip");
        for (int i = 0; i < clipNodes.getLength(); i++) {
            Element c = (Element) clipNodes.item(i);
            double in = seconds(c.getAttribute("start"));
            double out = in + seconds(c.getAttribute("duration"));
            List<Timeline.Marker> markers = new ArrayList<>();
            NodeList ms = c.getElementsByTagName("marker");
            for (int k = 0; k < ms.getLength(); k++) {
                Element m = (Element) ms.item(k);
                markers.add(new Timeline.Marker(seconds(m.getAttribute("start")), m.getAttribute("value"), kind(m.getAttribute("note"))));
            }
            clips.add(clip(assets.get(c.getAttribute("ref")), c.getAttribute("name"), in, out, markers));
        }
        NodeList projects = xml.getElementsByTagName("project");
        String name = projects.getLength() > 0 ? ((Element) projects.item(0)).getAttribute("name") : file.getFileName().toString();
        return new Timeline(name, 25, 1920, 1080, clips);
    }

    private static Timeline xmeml(Document xml, Path file) {
        Element video = (Element) xml.getElementsByTagName("video").item(0);
        Map<String, Path> files = new HashMap<>();
        NodeList fileNodes = xml.getElementsByTagName("file");
        for (int i = 0; i < fileNodes.getLength(); i++) {
            Element f = (Element) fileNodes.item(i);
            String url = child(f, "pathurl");
            if (url != null) files.put(f.getAttribute("id"), path(url));
        }
        List<Timeline.Clip> clips = new ArrayList<>();
        NodeList items = video.getElementsByTagName("clipitem");
        int fps = 25;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            fps = Integer.parseInt(child((Element) item.getElementsByTagName("rate").item(0), "timebase"));
            double in = Double.parseDouble(child(item, "in")) / fps;
            double out = Double.parseDouble(child(item, "out")) / fps;
            Element f = (Element) item.getElementsByTagName("file").item(0);
            List<Timeline.Marker> markers = new ArrayList<>();
            NodeList ms = item.getElementsByTagName("marker");
            for (int k = 0; k < ms.getLength(); k++) {
                Element m = (Element) ms.item(k);
                markers.add(new Timeline.Marker(Double.parseDouble(child(m, "in")) / fps, child(m, "name"), kind(child(m, "comment"))));
            }
            clips.add(clip(files.get(f.getAttribute("id")), child(item, "name"), in, out, markers));
        }
        String name = child((Element) xml.getElementsByTagName("sequence").item(0), "name");
        return new Timeline(name == null ? file.getFileName().toString() : name, fps, 1920, 1080, clips);
    }

    private static Timeline mlt(Document xml, Path file) {
        Element profile = (Element) xml.getElementsByTagName("profile").item(0);
        double fps = Double.parseDouble(profile.getAttribute("frame_rate_num")) / Double.parseDouble(profile.getAttribute("frame_rate_den"));
        Map<String, Path> producers = new HashMap<>();
        NodeList ps = xml.getElementsByTagName("producer");
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            NodeList props = p.getElementsByTagName("property");
            for (int k = 0; k < props.getLength(); k++) {
                Element prop = (Element) props.item(k);
                if (prop.getAttribute("name").equals("resource")) producers.put(p.getAttribute("id"), Path.of(prop.getTextContent()));
            }
        }
        // Each entry: where it sits in the sequence, its source in and out, and its markers, added below.
        List<double[]> spans = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        List<List<Timeline.Marker>> markers = new ArrayList<>();
        NodeList entries = xml.getElementsByTagName("entry");
        double at = 0;
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            double in = Double.parseDouble(e.getAttribute("in")) / fps;
            double out = (Double.parseDouble(e.getAttribute("out")) + 1) / fps;
            sources.add(producers.get(e.getAttribute("producer")));
            spans.add(new double[] {at, at + out - in, in, out});
            markers.add(new ArrayList<>());
            at += out - in;
        }
        NodeList props = xml.getElementsByTagName("properties");
        for (int i = 0; i < props.getLength(); i++) {
            Element marker = (Element) props.item(i);
            Element parent = marker.getParentNode() instanceof Element pe ? pe : null;
            if (parent == null || !parent.getAttribute("name").equals("shotcut:markers")) continue;
            String text = null;
            String start = null;
            String color = null;
            NodeList values = marker.getElementsByTagName("property");
            for (int k = 0; k < values.getLength(); k++) {
                Element v = (Element) values.item(k);
                switch (v.getAttribute("name")) {
                    case "text" -> text = v.getTextContent();
                    case "start" -> start = v.getTextContent();
                    case "color" -> color = v.getTextContent();
                    default -> { }
                }
            }
            if (text == null || start == null) continue;
            double t = clock(start);
            for (int c = 0; c < spans.size(); c++) {
                if (t >= spans.get(c)[0] && t < spans.get(c)[1]) {
                    markers.get(c).add(new Timeline.Marker(spans.get(c)[2] + t - spans.get(c)[0], text,
                            "#00bcd4".equalsIgnoreCase(color) ? "tag" : "note"));
                }
            }
        }
        List<Timeline.Clip> clips = new ArrayList<>();
        for (int c = 0; c < spans.size(); c++) {
            Path source = sources.get(c);
            clips.add(clip(source, source == null ? "" : source.getFileName().toString(), spans.get(c)[2], spans.get(c)[3], markers.get(c)));
        }
        return new Timeline(xml.getDocumentElement().getAttribute("title"), (int) Math.round(fps), 1920, 1080, clips);
    }

    private static Timeline edl(Path file, int fps) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Timeline.Clip> clips = new ArrayList<>();
        String title = file.getFileName().toString();
        long[] event = null;
        String name = null;
        Path source = null;
        List<Timeline.Marker> markers = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("TITLE:")) title = line.substring(6).strip();
            Matcher m = EDL_EVENT.matcher(line);
            if (m.matches()) {
                if (event != null) clips.add(clip(source, name, event[0] / (double) fps, event[1] / (double) fps, markers));
                event = new long[] {frames(m.group(4), fps), frames(m.group(5), fps), frames(m.group(6), fps)};
                name = null;
                source = null;
                markers = new ArrayList<>();
            } else if (event != null && line.startsWith("* FROM CLIP NAME:")) {
                name = line.substring("* FROM CLIP NAME:".length()).strip();
            } else if (event != null && line.startsWith("* SOURCE FILE:")) {
                source = Path.of(line.substring("* SOURCE FILE:".length()).strip());
            } else if (event != null && line.startsWith("* LOC:")) {
                String[] parts = line.substring(6).strip().split("\\s+", 3);
                long at = frames(parts[0], fps) - event[2] + event[0];
                markers.add(new Timeline.Marker(at / (double) fps, parts.length > 2 ? parts[2] : "",
                        parts.length > 1 && parts[1].equalsIgnoreCase("CYAN") ? "tag" : "note"));
            }
        }
        if (event != null) clips.add(clip(source, name, event[0] / (double) fps, event[1] / (double) fps, markers));
        return new Timeline(title, fps, 1920, 1080, clips);
    }

    private static Timeline.Clip clip(Path source, String name, double in, double out, List<Timeline.Marker> markers) {
        if (source == null) {
            throw new IllegalStateException("A clip in the timeline names no source file.");
        }
        return new Timeline.Clip(0, source, name == null || name.isBlank() ? source.getFileName().toString() : name, in, out,
                0, true, true, 0, "none", markers, null, null);
    }

    private static String kind(String note) {
        return "tag".equals(note) ? "tag" : "note";
    }

    /** FCPXML's rational time: "0s", "5s", "1001/30000s". */
    static double seconds(String time) {
        if (time == null || time.isBlank()) return 0;
        String t = time.endsWith("s") ? time.substring(0, time.length() - 1) : time;
        int slash = t.indexOf('/');
        return slash < 0 ? Double.parseDouble(t) : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
    }

    static long frames(String tc, int fps) {
        String[] p = tc.split("[:;]");
        return ((Long.parseLong(p[0]) * 60 + Long.parseLong(p[1])) * 60 + Long.parseLong(p[2])) * fps + Long.parseLong(p[3]);
    }

    static double clock(String text) {
        String[] p = text.split(":");
        return (Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1])) * 60 + Double.parseDouble(p[2]);
    }

    private static Path path(String url) {
        if (url == null || url.isBlank()) return null;
        return url.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url);
    }

    private static String child(Element parent, String name) {
        if (parent == null) return null;
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) return e.getTextContent();
        }
        return null;
    }

    private static Document xml(Path file) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
