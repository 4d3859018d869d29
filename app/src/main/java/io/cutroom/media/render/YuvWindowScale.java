package io.cutroom.media.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One swscale call from a window of a YUV 4:2:0 picture (just an offset into each plane) to any output:
 * the context is reused while sizes and formats stay the same. The render's crop-and-scale.
 */
final class YuvWindowScale implements AutoCloseable {
    private final PointerPointer<BytePointer> srcPlanes = new PointerPointer<>(3);
    private final IntPointer srcStrides = new IntPointer(3);
    private SwsContext context;

    /** Scales the window {@code [x, y, w, h]} (even values, in pixels) to {@code outWidth} × {@code outHeight}. */
    void scale(YuvPlanes source, int[] window, int outWidth, int outHeight, int format, int flags,
               PointerPointer<BytePointer> dst, IntPointer dstStrides) {
        int x = window[0];
        int y = window[1];
        int w = window[2];
        int h = window[3];
        context = sws_getCachedContext(context, w, h, AV_PIX_FMT_YUV420P, outWidth, outHeight, format, flags,
                null, null, (DoublePointer) null);
        for (int plane = 0; plane < 3; plane++) {
            int stride = source.strides()[plane];
            int px = plane == 0 ? x : x / 2;
            int py = plane == 0 ? y : y / 2;
            BytePointer start = source.planes()[plane];
            srcPlanes.put(plane, new BytePointer(start).position(start.position() + (long) py * stride + px));
            srcStrides.put(plane, stride);
        }
        sws_scale(context, srcPlanes, srcStrides, 0, h, dst, dstStrides);
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
    }
}
