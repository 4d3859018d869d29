package io.cutroom.media.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.Frame;

/**
 * The three planes of a YUV 4:2:0 picture as JavaCV hands it over: the decoder's own AVFrame (planes
 * anywhere, each with its stride), or a filter's output copied into one buffer (Y, U, V back to back).
 */
public record YuvPlanes(BytePointer[] planes, int[] strides) {

    /**
     * Copies the planes into {@code target} back to back, the layout FFmpegFrameFilter and FFmpegFrameRecorder
     * expect of a single-buffer YUV 4:2:0 image; returns a frame over it.
     */
    Frame copyContiguous(int width, int height, BytePointer target) {
        avutil.av_image_copy_to_buffer(target, (int) target.capacity(),
                new PointerPointer<>(planes[0], planes[1], planes[2]), new IntPointer(strides),
                AV_PIX_FMT_YUV420P, width, height, 1);
        Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 2, width); // JavaCV counts 4:2:0 as two channels
        frame.image = new Buffer[] {target.position(0).asByteBuffer()};
        return frame;
    }

    public static YuvPlanes of(Frame frame) {
        if (frame.opaque instanceof AVFrame av) {
            if (av.format() != AV_PIX_FMT_YUV420P) {
                throw new IllegalStateException("Expected a YUV 4:2:0 picture from the decoder, got format " + av.format());
            }
            return new YuvPlanes(new BytePointer[] {av.data(0), av.data(1), av.data(2)},
                    new int[] {av.linesize(0), av.linesize(1), av.linesize(2)});
        }
        BytePointer all = new BytePointer((ByteBuffer) frame.image[0]);
        int stride = frame.imageStride;
        long lumaSize = (long) stride * frame.imageHeight;
        long chromaSize = (long) (stride / 2) * ((frame.imageHeight + 1) / 2);
        return new YuvPlanes(new BytePointer[] {
                new BytePointer(all).position(0),
                new BytePointer(all).position(lumaSize),
                new BytePointer(all).position(lumaSize + chromaSize)},
                new int[] {stride, stride / 2, stride / 2});
    }
}
