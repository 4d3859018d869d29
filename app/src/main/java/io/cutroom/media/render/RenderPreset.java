package io.cutroom.media.render;

import java.util.Locale;

/**
 * What an export is for: size, codecs and rate control. The four social shapes fix their aspect; the
 * proxy and web presets keep the source's (or the crop's) shape and fit it inside their box.
 */
public enum RenderPreset {
    SOCIAL_VERTICAL("social-vertical", AspectRatio.VERTICAL, 1080, 1920, Codec.H264, 23, "mp4", -14),
    SQUARE("square", AspectRatio.SQUARE, 1080, 1080, Codec.H264, 23, "mp4", -14),
    PORTRAIT("portrait", AspectRatio.PORTRAIT, 1080, 1350, Codec.H264, 23, "mp4", -14),
    WIDE_1080P("wide-1080p", AspectRatio.WIDE, 1920, 1080, Codec.H264, 20, "mp4", -23),
    MASTER("master", null, 1920, 1080, Codec.H264, 18, "mp4", -23),
    PROXY("proxy", null, 960, 540, Codec.H264_INTRA, 20, "mp4", -23),
    WEB("web", null, 1920, 1080, Codec.VP9, 32, "webm", -14);

    /** Video and audio codecs as FFmpeg names them, with the audio bit rate that suits them. */
    public enum Codec {
        H264("libx264", "aac", 192_000, "yuv420p"),
        H264_INTRA("libx264", "aac", 192_000, "yuv420p"),
        VP9("libvpx-vp9", "libopus", 128_000, "yuv420p");

        public final String video;
        public final String audio;
        public final int audioBitRate;
        public final String pixelFormat;

        Codec(String video, String audio, int audioBitRate, String pixelFormat) {
            this.video = video;
            this.audio = audio;
            this.audioBitRate = audioBitRate;
            this.pixelFormat = pixelFormat;
        }
    }

    private final String id;
    private final AspectRatio aspect;
    private final int boxWidth;
    private final int boxHeight;
    private final Codec codec;
    private final int crf;
    private final String container;
    private final double loudnessTarget;

    RenderPreset(String id, AspectRatio aspect, int boxWidth, int boxHeight, Codec codec, int crf, String container,
                 double loudnessTarget) {
        this.id = id;
        this.aspect = aspect;
        this.boxWidth = boxWidth;
        this.boxHeight = boxHeight;
        this.codec = codec;
        this.crf = crf;
        this.container = container;
        this.loudnessTarget = loudnessTarget;
    }

    public String id() {
        return id;
    }

    /** The fixed output aspect, or null when the preset keeps the picture's own. */
    public AspectRatio aspect() {
        return aspect;
    }

    public Codec codec() {
        return codec;
    }

    public int crf() {
        return crf;
    }

    public String container() {
        return container;
    }

    /** The integrated loudness this kind of delivery usually asks for, in LUFS. */
    public double loudnessTarget() {
        return loudnessTarget;
    }

    /**
     * Output size for a picture of the given shape: the preset's box, fitted, in even pixels. A preset that
     * keeps the picture's shape turns its box upright for upright pictures, and never enlarges the picture
     * beyond {@code pictureWidth} pixels wide: a proxy of a small clip stays small.
     */
    public int[] outputSize(double pictureAspect, int pictureWidth) {
        double a = aspect != null ? aspect.value() : pictureAspect;
        boolean upright = aspect == null && pictureAspect < 1;
        double boxW = upright ? boxHeight : boxWidth;
        double boxH = upright ? boxWidth : boxHeight;
        if (aspect == null && pictureWidth < boxW) {
            boxW = pictureWidth;
            boxH = Math.min(boxH, pictureWidth / a);
        }
        double w = boxW;
        double h = w / a;
        if (h > boxH) {
            h = boxH;
            w = h * a;
        }
        return new int[] {Math.max(2, (int) Math.round(w / 2) * 2), Math.max(2, (int) Math.round(h / 2) * 2)};
    }

    public static RenderPreset fromId(String id) {
        for (RenderPreset p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("No preset called '" + id + "'. Presets: " + ids() + ".");
    }

    public static String ids() {
        StringBuilder s = new StringBuilder();
        for (RenderPreset p : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(p.id);
        }
        return s.toString();
    }

    /** The preset whose fixed aspect is this one, for an --aspect given without a preset. */
    public static RenderPreset forAspect(AspectRatio aspect) {
        for (RenderPreset p : values()) {
            if (aspect.equals(p.aspect)) {
                return p;
            }
        }
        return MASTER;
    }
}
