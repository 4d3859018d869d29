package io.cutroom.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Turning decoded frames into thumbnails: orientation, scaling and encoding. */
public final class Pictures {
    private static final float JPEG_QUALITY = 0.86f;

    private Pictures() {
    }

    /** Applies an EXIF orientation (1 to 8), mirrors included, so the picture stands as the camera saw it. */
    public static BufferedImage orient(BufferedImage src, int exifOrientation) {
        int w = src.getWidth();
        int h = src.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swap = exifOrientation >= 5;
        switch (exifOrientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.translate(h, w); t.scale(-1, -1); t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { return src; }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    /** A clockwise turn of 0, 90, 180 or 270 degrees, as a video's display matrix asks. */
    public static BufferedImage rotate(BufferedImage src, int clockwise) {
        return switch (clockwise) {
            case 90 -> orient(src, 6);
            case 180 -> orient(src, 3);
            case 270 -> orient(src, 8);
            default -> src;
        };
    }

    /** Scales down to fit inside a box, keeping the aspect ratio; never scales up. */
    public static BufferedImage fit(BufferedImage src, int maxWidth, int maxHeight) {
        double scale = Math.min(1.0, Math.min(maxWidth / (double) src.getWidth(), maxHeight / (double) src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        if (w == src.getWidth() && h == src.getHeight()) {
            return copy(src);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * A private copy of a decoded BGR24 frame. JavaCV's grabber counts channels as the row stride over the
     * width, and FFmpeg pads rows to 64 bytes or more, so a picture under 64 pixels wide came out with 5 to
     * 192 "channels", which Java2D cannot hold: a 1x1 PNG failed its import with a NullPointerException.
     */
    public static BufferedImage copyBgr(Java2DFrameConverter converter, Frame frame) {
        frame.imageChannels = 3;
        return copy(converter.convert(frame));
    }

    /** The same for a frame decoded as ABGR (the byte order of {@code TYPE_4BYTE_ABGR}), laid over white by {@link #copy}. */
    public static BufferedImage copyAbgr(Java2DFrameConverter converter, Frame frame) {
        frame.imageChannels = 4;
        return copy(converter.convert(frame));
    }

    /**
     * A private copy (JavaCV's converters reuse their image between frames), laid over white where it is
     * transparent. Decoded straight to BGR24, transparent pixels kept whatever colour they stored, most often
     * black, so a black logo or line drawing came out as a black picture, in its thumbnail and to the tagger alike.
     */
    public static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        if (src.getColorModel().hasAlpha()) {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
        }
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    public static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
