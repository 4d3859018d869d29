package io.cutroom.media;

/**
 * A small grey copy of one decoded frame, upright as displayed, {@code t} seconds into the clip: one byte
 * per pixel, row by row; {@code cut} when a new shot starts on it. Analysis follows subjects on these
 * between the moments it looks at closely.
 */
public record GreyFrame(double t, int width, int height, byte[] pixels, boolean cut) {

    /** The frame turned upright by the clip's rotation ({@code clockwise} 0, 90, 180 or 270 degrees). */
    public static GreyFrame upright(double t, int width, int height, byte[] pixels, boolean cut, int clockwise) {
        return switch (clockwise) {
            case 90 -> turned(t, width, height, pixels, cut, true);
            case 270 -> turned(t, width, height, pixels, cut, false);
            case 180 -> {
                byte[] out = new byte[pixels.length];
                for (int i = 0; i < pixels.length; i++) out[i] = pixels[pixels.length - 1 - i];
                yield new GreyFrame(t, width, height, out, cut);
            }
            default -> new GreyFrame(t, width, height, pixels, cut);
        };
    }

    /** A quarter turn, clockwise or not: the frame's columns become rows. */
    private static GreyFrame turned(double t, int width, int height, byte[] pixels, boolean cut, boolean clockwise) {
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx = clockwise ? height - 1 - y : y;
                int ny = clockwise ? x : width - 1 - x;
                out[ny * height + nx] = pixels[y * width + x];
            }
        }
        return new GreyFrame(t, height, width, out, cut);
    }

    /** The grey level at a pixel, 0 to 255. */
    public int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }
}
