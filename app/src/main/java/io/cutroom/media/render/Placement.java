package io.cutroom.media.render;

/**
 * Where a crop window that may reach past the frame lands in the output, in whole even pixels: the part of
 * the window inside the frame ({@code inFrame}, x, y, w, h in the frame) and the rectangle of the output it
 * is scaled into. The rest of the output is fill.
 */
record Placement(int[] inFrame, int outX, int outY, int outW, int outH, double centreX, double centreY) {

    static Placement of(CropWindow window, int frameW, int frameH, int outWidth, int outHeight) {
        double wx = window.x() * frameW, wy = window.y() * frameH, ww = window.w() * frameW, wh = window.h() * frameH;
        double left = clamp(wx, 0, frameW), right = clamp(wx + ww, 0, frameW);
        double top = clamp(wy, 0, frameH), bottom = clamp(wy + wh, 0, frameH);
        int ix = Math.min(frameW - 2, even(left)), iy = Math.min(frameH - 2, even(top));
        int iw = Math.max(2, Math.min(frameW - ix, even(right - left)));
        int ih = Math.max(2, Math.min(frameH - iy, even(bottom - top)));
        int ox = Math.min(outWidth - 2, even((left - wx) / ww * outWidth));
        int oy = Math.min(outHeight - 2, even((top - wy) / wh * outHeight));
        int ow = Math.max(2, Math.min(outWidth - ox, even((right - left) / ww * outWidth)));
        int oh = Math.max(2, Math.min(outHeight - oy, even((bottom - top) / wh * outHeight)));
        return new Placement(new int[] {ix, iy, iw, ih}, ox, oy, ow, oh, wx + ww / 2, wy + wh / 2);
    }

    /**
     * The largest part of the frame with the output's shape ({@code aspect}, width over height), centred on
     * the window as far as the frame allows: what the blurred fill is made from.
     */
    int[] cover(int frameW, int frameH, double aspect) {
        double ch = frameH, cw = ch * aspect;
        if (cw > frameW) {
            cw = frameW;
            ch = cw / aspect;
        }
        int w = Math.max(2, Math.min(frameW, even(cw))), h = Math.max(2, Math.min(frameH, even(ch)));
        int x = even(clamp(centreX - w / 2.0, 0, frameW - w)), y = even(clamp(centreY - h / 2.0, 0, frameH - h));
        return new int[] {Math.min(x, frameW - w), Math.min(y, frameH - h), w, h};
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int even(double v) {
        return (int) Math.round(v / 2) * 2;
    }
}
