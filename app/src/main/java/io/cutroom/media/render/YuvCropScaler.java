package io.cutroom.media.render;

import java.nio.Buffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.Frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GBRP;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_to_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;

/**
 * Crops a YUV 4:2:0 picture and scales the window to the output size in one swscale call: the window is
 * just an offset into each plane. Without a grade the result goes to one contiguous YUV 4:2:0 buffer
 * (Y, U, V back to back), the layout FFmpegFrameRecorder takes as a single image. With a grade it goes
 * straight into the grade graph's planar RGB frame, so scaling and the conversion to RGB cost one pass, as
 * in FFmpeg's own scale filter when a format filter follows it.
 */
final class YuvCropScaler implements AutoCloseable {
    private final int outWidth;
    private final int outHeight;
    private final BytePointer output;
    private final PointerPointer<BytePointer> yuvPlanes = new PointerPointer<>(3);
    private final IntPointer yuvStrides;
    private final PointerPointer<BytePointer> rgbPlanes = new PointerPointer<>(3);
    private final IntPointer rgbStrides = new IntPointer(3);
    private final YuvWindowScale windowScale = new YuvWindowScale();

    YuvCropScaler(int outWidth, int outHeight) {
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        int lumaSize = outWidth * outHeight;
        this.output = new BytePointer((long) lumaSize * 3 / 2);
        yuvPlanes.put(0, new BytePointer(output).position(0));
        yuvPlanes.put(1, new BytePointer(output).position(lumaSize));
        yuvPlanes.put(2, new BytePointer(output).position(lumaSize + lumaSize / 4));
        yuvStrides = new IntPointer(outWidth, outWidth / 2, outWidth / 2);
    }

    /** A JavaCV frame over the contiguous YUV 4:2:0 output; JavaCV counts 4:2:0 as two channels. */
    Frame frame() {
        Frame frame = new Frame(outWidth, outHeight, Frame.DEPTH_UBYTE, 2, outWidth);
        frame.image = new Buffer[] {output.position(0).limit(output.capacity()).asByteBuffer()};
        return frame;
    }

    /** Scales the window {@code [x, y, w, h]} (even values, in pixels) into the contiguous YUV output. */
    void scale(YuvPlanes source, int[] window) {
        scale(source, window, AV_PIX_FMT_YUV420P, SWS_BICUBIC, yuvPlanes, yuvStrides);
    }

    /** Scales the window into a planar RGB frame, rounding accurately as the grade's own conversions do. */
    void scaleToRgb(YuvPlanes source, int[] window, AVFrame rgb) {
        for (int plane = 0; plane < 3; plane++) {
            rgbPlanes.put(plane, rgb.data(plane));
            rgbStrides.put(plane, rgb.linesize(plane));
        }
        scale(source, window, AV_PIX_FMT_GBRP, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, rgbPlanes, rgbStrides);
    }

    /** Copies a graded YUV 4:2:0 picture into the contiguous output, for the recorder. */
    void copyToOutput(AVFrame picture) {
        av_image_copy_to_buffer(output, (int) output.capacity(), picture.data(), picture.linesize(),
                AV_PIX_FMT_YUV420P, outWidth, outHeight, 1);
    }

    private void scale(YuvPlanes source, int[] window, int format, int flags, PointerPointer<BytePointer> dst,
                       IntPointer dstStrides) {
        windowScale.scale(source, window, outWidth, outHeight, format, flags, dst, dstStrides);
    }

    @Override
    public void close() {
        windowScale.close();
        output.close();
    }
}
