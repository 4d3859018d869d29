package io.cutroom.media.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Crops a YUV 4:2:0 picture and scales the window to the output size in one swscale call: the window is
 * just an offset into each plane. The output is one contiguous buffer, the layout FFmpegFrameRecorder and
 * FFmpegFrameFilter take as a single image: YUV 4:2:0 (Y, U, V back to back) when no grade follows, or
 * 8-bit RGB when one does, so scaling and the conversion to RGB cost one pass instead of two.
 */
final class YuvCropScaler implements AutoCloseable {
    private final int outWidth;
    private final int outHeight;
    private final boolean rgb;
    private final BytePointer output;
    private final PointerPointer<BytePointer> dstPlanes = new PointerPointer<>(3);
    private final IntPointer dstStrides;
    private final PointerPointer<BytePointer> srcPlanes = new PointerPointer<>(3);
    private final IntPointer srcStrides = new IntPointer(3);
    private SwsContext context;

    YuvCropScaler(int outWidth, int outHeight, boolean rgb) {
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        this.rgb = rgb;
        int lumaSize = outWidth * outHeight;
        if (rgb) {
            this.output = new BytePointer((long) lumaSize * 3);
            dstPlanes.put(0, new BytePointer(output).position(0));
            dstStrides = new IntPointer(outWidth * 3, 0, 0);
        } else {
            this.output = new BytePointer((long) lumaSize * 3 / 2);
            dstPlanes.put(0, new BytePointer(output).position(0));
            dstPlanes.put(1, new BytePointer(output).position(lumaSize));
            dstPlanes.put(2, new BytePointer(output).position(lumaSize + lumaSize / 4));
            dstStrides = new IntPointer(outWidth, outWidth / 2, outWidth / 2);
        }
    }

    /** The pixel format of {@link #output()}. */
    int pixelFormat() {
        return rgb ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_YUV420P;
    }

    /** A JavaCV frame over the output buffer. */
    org.bytedeco.javacv.Frame frame() {
        org.bytedeco.javacv.Frame frame = rgb
                ? new org.bytedeco.javacv.Frame(outWidth, outHeight, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3, outWidth * 3)
                : new org.bytedeco.javacv.Frame(outWidth, outHeight, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 2, outWidth);
        frame.image = new java.nio.Buffer[] {output.position(0).limit(output.capacity()).asByteBuffer()};
        return frame;
    }

    int outWidth() {
        return outWidth;
    }

    int outHeight() {
        return outHeight;
    }

    /** The scaled picture, valid until the next call. */
    BytePointer output() {
        return output;
    }

    /**
     * Scales the window {@code [x, y, w, h]} (even values, in pixels) of a YUV420P frame into the output.
     */
    void scale(YuvPlanes source, int[] window) {
        int x = window[0];
        int y = window[1];
        int w = window[2];
        int h = window[3];
        int flags = rgb ? SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT : SWS_BICUBIC;
        context = sws_getCachedContext(context, w, h, AV_PIX_FMT_YUV420P, outWidth, outHeight, pixelFormat(),
                flags, null, null, (DoublePointer) null);
        for (int plane = 0; plane < 3; plane++) {
            int stride = source.strides()[plane];
            int px = plane == 0 ? x : x / 2;
            int py = plane == 0 ? y : y / 2;
            BytePointer start = source.planes()[plane];
            srcPlanes.put(plane, new BytePointer(start).position(start.position() + (long) py * stride + px));
            srcStrides.put(plane, stride);
        }
        sws_scale(context, srcPlanes, srcStrides, 0, h, dstPlanes, dstStrides);
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
