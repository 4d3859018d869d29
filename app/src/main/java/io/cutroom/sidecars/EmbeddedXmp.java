package io.cutroom.sidecars;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import io.cutroom.media.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * XMP inside the media file, where the format keeps it without the picture being encoded again: JPEG stills, whose
 * XMP segment Apache Commons Imaging rewrites while every other byte of the picture stays, and MP4 and QuickTime
 * files, which get Adobe's XMP box at their end ({@link IsoXmpBox}). Lightroom, Bridge, Premiere, Resolve, digiKam and
 * exiftool read it there. Other formats get a sidecar ({@link XmpSidecar}).
 */
public final class EmbeddedXmp {
    private EmbeddedXmp() {
    }

    /** Whether Cutroom writes XMP into this file itself: JPEG stills, and MP4 and QuickTime video. */
    public static boolean canEmbed(Path media) {
        return isJpeg(media) || isIsoMedia(media);
    }

    private static boolean isJpeg(Path media) {
        String name = media.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    private static boolean isIsoMedia(Path media) {
        String name = media.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mp4") || name.endsWith(".mov") || name.endsWith(".m4v");
    }

    /**
     * Writes Cutroom's log, keywords and collections into the file's own XMP, keeping whatever else it holds. The
     * new file is written beside it and renamed over it when complete, so a full disk never leaves half a picture.
     */
    public static void write(Path media, XmpSidecar.Contents contents) throws IOException {
        if (!canEmbed(media)) {
            throw new IllegalArgumentException(media.getFileName() + " is neither a JPEG nor MP4 or QuickTime: Cutroom embeds"
                    + " XMP in those, and writes a sidecar for the others.");
        }
        try {
            if (isJpeg(media)) {
                byte[] original = Files.readAllBytes(media); // read once: for the XMP it has, and to rewrite it
                String packet = merged(jpegXmp(ByteSource.array(original), media), contents);
                OutputFile.write(media, out -> new JpegXmpRewriter().updateXmpXml(original, out, packet));
            } else {
                String packet = merged(IsoXmpBox.read(media), contents);
                OutputFile.write(media, out -> IsoXmpBox.write(media, packet, out));
            }
        } catch (XMPException e) {
            throw new IOException("The XMP inside " + media.getFileName() + " is not readable XMP, so it was left as it was.", e);
        } catch (ImagingException e) {
            throw new IOException(media.getFileName() + " could not be read as a JPEG, so nothing was written into it.", e);
        }
    }

    /** The file's own XMP packet with Cutroom's properties set in it (a new packet when it had none). */
    private static String merged(Optional<String> packet, XmpSidecar.Contents contents) throws XMPException {
        XMPMeta xmp = packet.isEmpty() ? XMPMetaFactory.create() : XMPMetaFactory.parseFromString(packet.get());
        XmpSidecar.apply(xmp, contents);
        return XmpSidecar.serialize(xmp);
    }

    /** What the file's own XMP says in Cutroom's terms, or empty when it has none. */
    public static Optional<XmpSidecar.Contents> contents(Path media) throws IOException {
        try {
            Optional<XMPMeta> xmp = read(media);
            return xmp.isEmpty() ? Optional.empty() : Optional.of(XmpSidecar.contentsOf(xmp.get()));
        } catch (XMPException e) {
            throw new IOException("The XMP inside " + media.getFileName() + " is not readable XMP.", e);
        }
    }

    private static Optional<XMPMeta> read(Path media) throws IOException, XMPException {
        Optional<String> packet = isIsoMedia(media) ? IsoXmpBox.read(media) : jpegXmp(ByteSource.file(media.toFile()), media);
        return packet.isEmpty() ? Optional.empty() : Optional.of(XMPMetaFactory.parseFromString(packet.get()));
    }

    /** A JPEG's XMP packet, or empty when it has none. */
    private static Optional<String> jpegXmp(ByteSource jpeg, Path media) throws IOException {
        try {
            String packet = new JpegImageParser().getXmpXml(jpeg, null);
            return packet == null || packet.isBlank() ? Optional.empty() : Optional.of(packet);
        } catch (ImagingException e) {
            throw new IOException(media.getFileName() + " could not be read as a JPEG.", e);
        }
    }
}
