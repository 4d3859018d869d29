package io.cutroom.media.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GBRP;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_to_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;

import java.nio.Buffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.Frame;

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
    private final YuvWindowScale coverScale = new YuvWindowScale();
    private final YuvWindowScale blurScale = new YuvWindowScale();
    private final PointerPointer<BytePointer> placed = new PointerPointer<>(3);
    private final IntPointer placedStrides = new IntPointer(3);
    private BlurredCover cover;

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

    /**
     * Scales a window that may reach past the frame (a widened window): the part inside the frame goes to
     * the matching part of the output, and the rest is filled as {@code fill} says.
     */
    void scaleFilled(YuvPlanes source, CropWindow window, int frameW, int frameH, Fill fill) {
        Placement p = Placement.of(window, frameW, frameH, outWidth, outHeight);
        if (fill == Fill.BLUR) {
            blurredCover(source, p, frameW, frameH).scaleUp(blurScale, outWidth, outHeight, AV_PIX_FMT_YUV420P, yuvPlanes, yuvStrides);
        } else {
            long all = (long) outWidth * outHeight;
            new BytePointer(output).position(0).limit(all).fill(16); // black, in video range
            new BytePointer(output).position(all).limit(all * 3 / 2).fill(128);
        }
        long luma = (long) outWidth * outHeight;
        long[] base = {0, luma, luma + luma / 4};
        for (int plane = 0; plane < 3; plane++) {
            int sub = plane == 0 ? 1 : 2;
            int stride = outWidth / sub;
            placed.put(plane, new BytePointer(output).position(base[plane] + (long) (p.outY() / sub) * stride + p.outX() / sub));
            placedStrides.put(plane, stride);
        }
        windowScale.scale(source, p.inFrame(), p.outW(), p.outH(), AV_PIX_FMT_YUV420P, SWS_BICUBIC, placed, placedStrides);
    }

    /** As {@link #scaleFilled}, into the grade graph's planar RGB frame. */
    void scaleFilledToRgb(YuvPlanes source, CropWindow window, int frameW, int frameH, Fill fill, AVFrame rgb) {
        Placement p = Placement.of(window, frameW, frameH, outWidth, outHeight);
        for (int plane = 0; plane < 3; plane++) {
            rgbPlanes.put(plane, rgb.data(plane));
            rgbStrides.put(plane, rgb.linesize(plane));
        }
        int flags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT;
        if (fill == Fill.BLUR) {
            blurredCover(source, p, frameW, frameH).scaleUp(blurScale, outWidth, outHeight, AV_PIX_FMT_GBRP, rgbPlanes, rgbStrides);
        } else {
            for (int plane = 0; plane < 3; plane++) {
                new BytePointer(rgb.data(plane)).capacity((long) rgb.linesize(plane) * outHeight)
                        .limit((long) rgb.linesize(plane) * outHeight).fill(0);
            }
        }
        for (int plane = 0; plane < 3; plane++) {
            placed.put(plane, new BytePointer(rgb.data(plane)).position((long) p.outY() * rgb.linesize(plane) + p.outX()));
            placedStrides.put(plane, rgb.linesize(plane));
        }
        windowScale.scale(source, p.inFrame(), p.outW(), p.outH(), AV_PIX_FMT_GBRP, flags, placed, placedStrides);
    }

    /**
     * The blurred background: the part of the frame around the window with the output's shape, shrunk to a
     * few dozen pixels (averaging is the blur) and scaled back up over the whole output.
     */
    private BlurredCover blurredCover(YuvPlanes source, Placement p, int frameW, int frameH) {
        if (cover == null) cover = new BlurredCover(Math.max(2, outWidth / 24 & ~1), Math.max(2, outHeight / 24 & ~1));
        coverScale.scale(source, p.cover(frameW, frameH, outWidth / (double) outHeight), cover.width, cover.height,
                AV_PIX_FMT_YUV420P, SWS_AREA, cover.planes, cover.strides);
        return cover;
    }

    /** A small YUV 4:2:0 picture, and the last step of the blur: scaling it up over the output. */
    private static final class BlurredCover implements AutoCloseable {
        final int width, height;
        final BytePointer buffer;
        final PointerPointer<BytePointer> planes = new PointerPointer<>(3);
        final IntPointer strides;
        private final YuvPlanes asSource;

        BlurredCover(int width, int height) {
            this.width = width;
            this.height = height;
            int luma = width * height;
            buffer = new BytePointer((long) luma * 3 / 2);
            BytePointer[] p = {new BytePointer(buffer).position(0), new BytePointer(buffer).position(luma),
                    new BytePointer(buffer).position(luma + luma / 4)};
            for (int i = 0; i < 3; i++) planes.put(i, p[i]);
            strides = new IntPointer(width, width / 2, width / 2);
            asSource = new YuvPlanes(p, new int[] {width, width / 2, width / 2});
        }

        void scaleUp(YuvWindowScale scale, int outWidth, int outHeight, int format, PointerPointer<BytePointer> dst,
                     IntPointer dstStrides) {
            scale.scale(asSource, new int[] {0, 0, width, height}, outWidth, outHeight, format, SWS_BILINEAR, dst, dstStrides);
        }

        @Override
        public void close() {
            buffer.close();
        }
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
        coverScale.close();
        blurScale.close();
        if (cover != null) cover.close();
        output.close();
    }
}
