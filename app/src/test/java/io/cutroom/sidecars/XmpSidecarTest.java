package io.cutroom.sidecars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.PropertyOptions;
import io.cutroom.catalog.AssetLog;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XMP sidecars: what Lightroom and Bridge read, back again, and nobody else's data lost. */
class XmpSidecarTest {
    @TempDir
    Path dir;

    @Test
    void aLogTagsAndCollectionsGoInTheStandardPlacesAndComeBack() throws Exception {
        Path media = Files.writeString(dir.resolve("harbour \"dusk\" & ü.mov"), "not really a movie");
        AssetLog log = new AssetLog(4, AssetLog.Flag.PICK, AssetLog.Label.GREEN, "Boats <at> dusk & \"gulls\"");
        Path sidecar = XmpSidecar.write(media, new XmpSidecar.Contents(log, List.of("boat", "bird"), List.of("Day 1/Keepers")));
        assertThat(sidecar.getFileName().toString()).isEqualTo("harbour \"dusk\" & ü.mov.xmp");

        XMPMeta xmp = parse(sidecar);
        assertThat(xmp.getPropertyInteger(XMPConst.NS_XMP, "Rating")).isEqualTo(4);
        assertThat(xmp.getPropertyString(XMPConst.NS_XMP, "Label")).isEqualTo("Green");
        assertThat(xmp.getPropertyBoolean(XMPConst.NS_DM, "good")).isTrue();
        assertThat(xmp.getLocalizedText(XMPConst.NS_DC, "description", null, XMPConst.X_DEFAULT).getValue())
                .isEqualTo("Boats <at> dusk & \"gulls\"");
        assertThat(xmp.getArrayItem(XMPConst.NS_DC, "subject", 1).getValue()).isEqualTo("boat");
        assertThat(xmp.getArrayItem(XmpSidecar.NS_LIGHTROOM, "hierarchicalSubject", 3).getValue())
                .isEqualTo("Cutroom|Collections|Day 1|Keepers");

        XmpSidecar.Contents back = XmpSidecar.read(media).orElseThrow();
        assertThat(back.log()).isEqualTo(log);
        assertThat(back.tags()).containsExactly("boat", "bird");
        assertThat(back.collections()).containsExactly("Day 1/Keepers");
    }

    @Test
    void aRejectIsRatedMinusOneAsAdobeAppsDo() throws Exception {
        Path media = Files.writeString(dir.resolve("take.mp4"), "x");
        XmpSidecar.write(media, new XmpSidecar.Contents(new AssetLog(3, AssetLog.Flag.REJECT, null, null), List.of(), List.of()));
        assertThat(parse(XmpSidecar.fileFor(media)).getPropertyInteger(XMPConst.NS_XMP, "Rating")).isEqualTo(-1);
        assertThat(XmpSidecar.read(media).orElseThrow().log()).isEqualTo(new AssetLog(0, AssetLog.Flag.REJECT, null, null));
    }

    @Test
    void anotherAppsSidecarKeepsWhatItHeldAndOnlyOurKeywordsChange() throws Exception {
        Path media = Files.writeString(dir.resolve("still.jpg"), "x");
        XMPMeta theirs = XMPMetaFactory.create();
        theirs.setProperty(XMPConst.NS_PHOTOSHOP, "City", "Lisboa");
        theirs.appendArrayItem(XMPConst.NS_DC, "subject", new PropertyOptions().setArray(true), "holiday", null);
        Files.write(XmpSidecar.fileFor(media), XMPMetaFactory.serializeToBuffer(theirs, null));

        XmpSidecar.write(media, new XmpSidecar.Contents(new AssetLog(2, AssetLog.Flag.NONE, null, null), List.of("tram"), List.of()));
        XmpSidecar.write(media, new XmpSidecar.Contents(new AssetLog(5, AssetLog.Flag.NONE, null, null), List.of("bus"), List.of()));

        XMPMeta merged = parse(XmpSidecar.fileFor(media));
        assertThat(merged.getPropertyString(XMPConst.NS_PHOTOSHOP, "City")).isEqualTo("Lisboa");
        assertThat(merged.getPropertyInteger(XMPConst.NS_XMP, "Rating")).isEqualTo(5);
        assertThat(merged.countArrayItems(XMPConst.NS_DC, "subject")).isEqualTo(2);
        assertThat(List.of(merged.getArrayItem(XMPConst.NS_DC, "subject", 1).getValue(),
                merged.getArrayItem(XMPConst.NS_DC, "subject", 2).getValue())).containsExactly("holiday", "bus");
    }

    @Test
    void noSidecarReadsAsNoneAndABrokenOneIsASentence() throws Exception {
        Path media = Files.writeString(dir.resolve("clip.mp4"), "x");
        assertThat(XmpSidecar.read(media)).isEmpty();
        Files.writeString(XmpSidecar.fileFor(media), "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF");
        assertThatThrownBy(() -> XmpSidecar.read(media)).isInstanceOf(IOException.class)
                .hasMessage("The sidecar clip.mp4.xmp is not readable XMP.");
    }

    private static XMPMeta parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return XMPMetaFactory.parse(in);
        }
    }
}
