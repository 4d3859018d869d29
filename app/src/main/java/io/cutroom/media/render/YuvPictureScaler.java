package io.cutroom.media.render;


import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Scales a decoded YUV 4:2:0 picture to a small packed picture (grey or BGR) with swscale, so one decoding
 * pass can feed several analyses at their own sizes without JavaCV converting every frame to one format.
 */
public final class YuvPictureScaler implements AutoCloseable {
    private final int width;
    private final int height;
    private final int format;
    private final int flags;
    private final int rowBytes;
    private final BytePointer output;
    private final PointerPointer<BytePointer> dst = new PointerPointer<>(1);
    private final IntPointer dstStrides = new IntPointer(1);
    private final YuvWindowScale windowScale = new YuvWindowScale();

    /** {@code bytesPerPixel} of the packed {@code format} (an {@code AV_PIX_FMT_*}), {@code flags} swscale's. */
    public YuvPictureScaler(int width, int height, int format, int bytesPerPixel, int flags) {
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
    public byte[] scale(YuvPlanes source, int sourceWidth, int sourceHeight, byte[] into) {
        windowScale.scale(source, new int[] {0, 0, sourceWidth, sourceHeight}, width, height, format, flags, dst,
                dstStrides);
        output.position(0).get(into, 0, rowBytes * height);
        return into;
    }

    @Override
    public void close() {
        windowScale.close();
        output.close();
    }
}
