package io.cutroom.sidecars;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.PropertyOptions;
import com.adobe.internal.xmp.options.SerializeOptions;
import io.cutroom.catalog.AssetLog;
import io.cutroom.media.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * XMP sidecars ({@code NAME.EXT.xmp} beside the media) in the standard namespaces that Lightroom, Bridge,
 * digiKam and Resolve read, through Adobe's XMP toolkit: the rating ({@code xmp:Rating}, -1 for a reject), the
 * colour label ({@code xmp:Label}), a pick ({@code xmpDM:good}), the description ({@code dc:description}) and
 * keywords, flat ({@code dc:subject}) and hierarchical ({@code lr:hierarchicalSubject}, under "Cutroom|Tags|"
 * and "Cutroom|Collections|", a folder's collections one level further down). A sidecar another app wrote keeps
 * everything else it holds.
 */
public final class XmpSidecar {
    static final String NS_LIGHTROOM = "http://ns.adobe.com/lightroom/1.0/";
    static final String TAGS = "Cutroom|Tags|";
    static final String COLLECTIONS = "Cutroom|Collections|";

    /** What a sidecar says about its media, as Cutroom keeps it. */
    public record Contents(AssetLog log, List<String> tags, List<String> collections) {
    }

    static {
        try {
            XMPMetaFactory.getSchemaRegistry().registerNamespace(NS_LIGHTROOM, "lr");
        } catch (XMPException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private XmpSidecar() {
    }

    public static Path fileFor(Path media) {
        return media.resolveSibling(media.getFileName() + ".xmp");
    }

    /** Writes (or updates) the media's sidecar, whole or not at all ({@link OutputFile}). */
    public static Path write(Path media, Contents contents) throws IOException {
        Path file = fileFor(media);
        try {
            XMPMeta xmp = Files.isRegularFile(file) ? parse(file) : XMPMetaFactory.create();
            apply(xmp, contents);
            String packet = serialize(xmp);
            OutputFile.write(file, out -> out.write(packet.getBytes(StandardCharsets.UTF_8)));
            return file;
        } catch (XMPException e) {
            throw new IOException("The sidecar " + file.getFileName() + " could not be written: it is not readable XMP.", e);
        }
    }

    /** An XMP packet as sidecars and files carry it: readable, with its packet wrapper, in UTF-8. */
    static String serialize(XMPMeta xmp) throws XMPException {
        return XMPMetaFactory.serializeToString(xmp, new SerializeOptions().setUseCompactFormat(false).setOmitPacketWrapper(false));
    }

    /** Sets Cutroom's properties in an XMP packet (a sidecar's or a file's own); everything else in it stays. */
    static void apply(XMPMeta xmp, Contents contents) throws XMPException {
        AssetLog log = contents.log();
        xmp.setPropertyInteger(XMPConst.NS_XMP, "Rating", log.flag() == AssetLog.Flag.REJECT ? -1 : log.rating());
        if (log.label() == null) {
            xmp.deleteProperty(XMPConst.NS_XMP, "Label");
        } else {
            String id = log.label().id();
            xmp.setProperty(XMPConst.NS_XMP, "Label", id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1));
        }
        if (log.flag() == AssetLog.Flag.PICK) {
            xmp.setPropertyBoolean(XMPConst.NS_DM, "good", true);
        } else {
            xmp.deleteProperty(XMPConst.NS_DM, "good");
        }
        if (log.description() == null) {
            xmp.deleteProperty(XMPConst.NS_DC, "description");
        } else {
            xmp.setLocalizedText(XMPConst.NS_DC, "description", XMPConst.X_DEFAULT, XMPConst.X_DEFAULT, log.description());
        }
        replaceKeywords(xmp, contents);
    }

    /** What the media's sidecar says, or empty when it has none. */
    public static Optional<Contents> read(Path media) throws IOException {
        Path file = fileFor(media);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(contentsOf(parse(file)));
        } catch (XMPException e) {
            throw new IOException("The sidecar " + file.getFileName() + " is not readable XMP.", e);
        }
    }

    /** What an XMP packet says in Cutroom's terms. */
    static Contents contentsOf(XMPMeta xmp) throws XMPException {
        Integer rating = xmp.doesPropertyExist(XMPConst.NS_XMP, "Rating") ? xmp.getPropertyInteger(XMPConst.NS_XMP, "Rating") : null;
        boolean good = xmp.doesPropertyExist(XMPConst.NS_DM, "good") && Boolean.TRUE.equals(xmp.getPropertyBoolean(XMPConst.NS_DM, "good"));
        AssetLog.Flag flag = rating != null && rating < 0 ? AssetLog.Flag.REJECT : good ? AssetLog.Flag.PICK : AssetLog.Flag.NONE;
        int stars = rating == null ? 0 : Math.max(0, Math.min(5, rating));
        String labelText = xmp.getPropertyString(XMPConst.NS_XMP, "Label");
        AssetLog.Label label = null;
        if (labelText != null && !labelText.isBlank()) {
            try {
                label = AssetLog.Label.parse(labelText);
            } catch (IllegalArgumentException notOneOfOurs) {
                label = null; // a label name another app uses ("Approved"): not a colour Cutroom knows
            }
        }
        var description = xmp.getLocalizedText(XMPConst.NS_DC, "description", XMPConst.X_DEFAULT, XMPConst.X_DEFAULT);
        List<String> tags = new ArrayList<>();
        List<String> collections = new ArrayList<>();
        for (String h : items(xmp, NS_LIGHTROOM, "hierarchicalSubject")) {
            if (h.startsWith(TAGS)) tags.add(h.substring(TAGS.length()));
            if (h.startsWith(COLLECTIONS)) collections.add(h.substring(COLLECTIONS.length()).replace('|', '/'));
        }
        return new Contents(new AssetLog(stars, flag, label, description == null ? null : description.getValue()),
                tags, collections);
    }

    /** Cutroom's keywords are replaced; anyone else's stay. */
    private static void replaceKeywords(XMPMeta xmp, Contents contents) throws XMPException {
        List<String> ours = new ArrayList<>();
        contents.tags().forEach(t -> ours.add(TAGS + t));
        contents.collections().forEach(c -> ours.add(COLLECTIONS + c.replace('/', '|')));
        List<String> hierarchical = new ArrayList<>(items(xmp, NS_LIGHTROOM, "hierarchicalSubject"));
        List<String> flat = new ArrayList<>(items(xmp, XMPConst.NS_DC, "subject"));
        for (String old : List.copyOf(hierarchical)) {
            if (old.startsWith(TAGS) || old.startsWith(COLLECTIONS)) {
                hierarchical.remove(old);
                flat.remove(old.substring(old.lastIndexOf('|') + 1));
            }
        }
        hierarchical.addAll(ours);
        for (String k : ours) {
            String leaf = k.substring(k.lastIndexOf('|') + 1);
            if (!flat.contains(leaf)) flat.add(leaf);
        }
        setBag(xmp, NS_LIGHTROOM, "hierarchicalSubject", hierarchical);
        setBag(xmp, XMPConst.NS_DC, "subject", flat);
    }

    private static void setBag(XMPMeta xmp, String ns, String name, List<String> values) throws XMPException {
        xmp.deleteProperty(ns, name);
        if (values.isEmpty()) return;
        PropertyOptions bag = new PropertyOptions().setArray(true);
        for (String v : values) {
            xmp.appendArrayItem(ns, name, bag, v, null);
        }
    }

    private static List<String> items(XMPMeta xmp, String ns, String name) throws XMPException {
        List<String> out = new ArrayList<>();
        if (!xmp.doesPropertyExist(ns, name)) return out;
        int n = xmp.countArrayItems(ns, name);
        for (int i = 1; i <= n; i++) {
            out.add(xmp.getArrayItem(ns, name, i).getValue());
        }
        return out;
    }

    private static XMPMeta parse(Path file) throws IOException, XMPException {
        try (InputStream in = Files.newInputStream(file)) {
            return XMPMetaFactory.parse(in);
        }
    }
}
