package io.cutroom.media.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.Frame;

/**
 * A decoded picture's planes in the decoder's own format (an {@code AV_PIX_FMT_*}): 4:2:0, 4:2:2 or 4:4:4,
 * 8 or 10 bits, packed or planar, as the AVFrame holds them.
 */
public record DecodedPlanes(int format, BytePointer[] planes, int[] strides) {
    /** AVFrame's data pointers that can hold picture data. */
    static final int MAX_PLANES = 4;

    public static DecodedPlanes of(Frame frame) {
        if (frame.opaque instanceof AVFrame av) {
            int count = 0;
            while (count < MAX_PLANES && av.data(count) != null && !av.data(count).isNull()) count++;
            BytePointer[] planes = new BytePointer[count];
            int[] strides = new int[count];
            for (int i = 0; i < count; i++) {
                planes[i] = av.data(i);
                strides[i] = av.linesize(i);
            }
            return new DecodedPlanes(av.format(), planes, strides);
        }
        YuvPlanes yuv = YuvPlanes.of(frame); // JavaCV's own 4:2:0 buffer
        return new DecodedPlanes(AV_PIX_FMT_YUV420P, yuv.planes(), yuv.strides());
    }
}
