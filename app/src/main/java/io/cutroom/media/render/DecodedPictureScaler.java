package io.cutroom.media.render;

import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Scales a decoded picture, in whatever format the decoder made it, to a small packed picture (grey or BGR)
 * with one swscale call, so one decoding pass can feed several analyses at their own sizes without a
 * full-size conversion of every frame first.
 */
public final class DecodedPictureScaler implements AutoCloseable {
    private final int width;
    private final int height;
    private final int format;
    private final int flags;
    private final int rowBytes;
    private final BytePointer output;
    private final PointerPointer<BytePointer> dst = new PointerPointer<>(1);
    private final IntPointer dstStrides = new IntPointer(1);
    private final PointerPointer<BytePointer> srcPlanes = new PointerPointer<>(DecodedPlanes.MAX_PLANES);
    private final IntPointer srcStrides = new IntPointer(DecodedPlanes.MAX_PLANES);
    private SwsContext context;

    /** {@code bytesPerPixel} of the packed {@code format} (an {@code AV_PIX_FMT_*}), {@code flags} swscale's. */
    public DecodedPictureScaler(int width, int height, int format, int bytesPerPixel, int flags) {
        this.width = width;
        this.height = height;
        this.format = format;
        this.flags = flags;
        this.rowBytes = width * bytesPerPixel;
        this.output = new BytePointer((long) rowBytes * height);
        dst.put(0, output);
        dstStrides.put(0, rowBytes);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Scales the whole {@code sourceWidth} × {@code sourceHeight} picture into {@code into}, rows packed. */
    public byte[] scale(DecodedPlanes source, int sourceWidth, int sourceHeight, byte[] into) {
        context = sws_getCachedContext(context, sourceWidth, sourceHeight, source.format(), width, height, format,
                flags, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("swscale cannot read pictures of format " + source.format());
        }
        for (int plane = 0; plane < DecodedPlanes.MAX_PLANES; plane++) {
            srcPlanes.put(plane, plane < source.planes().length ? source.planes()[plane] : null);
            srcStrides.put(plane, plane < source.strides().length ? source.strides()[plane] : 0);
        }
        sws_scale(context, srcPlanes, srcStrides, 0, sourceHeight, dst, dstStrides);
        output.position(0).get(into, 0, rowBytes * height);
        return into;
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        output.close();
    }
}
