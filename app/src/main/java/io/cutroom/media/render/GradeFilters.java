package io.cutroom.media.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Grade} as an FFmpeg filter chain. The chain works on 8-bit RGB so that the Java preview
 * ({@link GradePreview}) can compute exactly the same tables: {@code lutrgb} for exposure, white balance,
 * contrast and gamma, {@code colorchannelmixer} for saturation, {@code lut3d} for a LUT.
 *
 * <p>The RGB is planar ({@code gbrp}), not packed: swscale converts 4:2:0 to planar RGB with full chroma
 * and accurate rounding in about a third of the time it takes for packed {@code rgb24} (1080p, measured
 * with the bundled ffmpeg), and the values are the same. What a grade adds to a render's CPU fell from
 * 139% to 79% ({@code cutroom bench color}).
 */
public final class GradeFilters {
    /** Rec.709 luma weights: what "no colour" means for the saturation blend. */
    static final double[] LUMA = {0.2126, 0.7152, 0.0722};

    private GradeFilters() {
    }

    /** The RGB layout the grade's filters work in. */
    static final String RGB_FORMAT = "gbrp";

    /** Scaler flags for every conversion around a grade: accurate rounding makes YUV-RGB-YUV round trips exact. */
    public static final String SWS_FLAGS = "accurate_rnd+full_chroma_int";

    /** The filter chain, or an empty string for a neutral grade; ends in {@code pixelFormat} when not empty. */
    public static String chain(Grade grade, String pixelFormat) {
        return grade.isNeutral() ? "" : "sws_flags=" + SWS_FLAGS + ";format=" + RGB_FORMAT + "," + fromRgb(grade, pixelFormat);
    }

    /**
     * The chain for pictures that arrive as planar 8-bit RGB already (the render pipeline scales straight into RGB
     * when it grades, as FFmpeg's scale filter does when a format filter follows it).
     */
    public static String rgbChain(Grade grade, String pixelFormat) {
        return "sws_flags=" + SWS_FLAGS + ";" + fromRgb(grade, pixelFormat);
    }

    /**
     * The whole clip's grade as one chain for the ffmpeg command line, per-shot corrections included: each shot's
     * tone table is enabled over that shot's time span only, so every frame meets one table, as in the render
     * pipeline, which builds a graph per shot instead. Benchmarks and tests hold the pipeline against this.
     */
    public static String clipChain(Grade grade, String pixelFormat) {
        if (grade.shots() == null) {
            return chain(grade, pixelFormat);
        }
        List<String> filters = new ArrayList<>();
        List<ShotCorrection> shots = grade.shots();
        addTone(filters, grade.at(-1), String.format(Locale.ROOT, "lt(t,%.6f)", shots.get(0).startSec()));
        for (int i = 0; i < shots.size(); i++) {
            ShotCorrection shot = shots.get(i);
            String span = i + 1 < shots.size()
                    ? String.format(Locale.ROOT, "gte(t,%.6f)*lt(t,%.6f)", shot.startSec(), shots.get(i + 1).startSec())
                    : String.format(Locale.ROOT, "gte(t,%.6f)", shot.startSec());
            addTone(filters, grade.at(shot.startSec()), span);
        }
        addColour(filters, grade, pixelFormat);
        return "sws_flags=" + SWS_FLAGS + ";format=" + RGB_FORMAT + "," + String.join(",", filters);
    }

    private static void addTone(List<String> filters, Grade grade, String enable) {
        if (grade.changesTone()) {
            filters.add(String.format(Locale.ROOT, "lutrgb=r='%s':g='%s':b='%s'%s",
                    toneExpression(grade, 0), toneExpression(grade, 1), toneExpression(grade, 2),
                    enable == null ? "" : ":enable='" + enable + "'"));
        }
    }

    private static String fromRgb(Grade grade, String pixelFormat) {
        List<String> filters = new ArrayList<>();
        addTone(filters, grade, null);
        addColour(filters, grade, pixelFormat);
        return String.join(",", filters);
    }

    /** Saturation, the LUT and the way back to {@code pixelFormat}: the same for every shot of a clip. */
    private static void addColour(List<String> filters, Grade grade, String pixelFormat) {
        if (grade.saturation() != 1) {
            double[][] m = saturationMatrix(grade.saturation());
            filters.add(String.format(Locale.ROOT,
                    "colorchannelmixer=rr=%.6f:rg=%.6f:rb=%.6f:gr=%.6f:gg=%.6f:gb=%.6f:br=%.6f:bg=%.6f:bb=%.6f",
                    m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]));
        }
        if (grade.lut() != null) {
            filters.add("lut3d=file=" + FilterSafePath.of(grade.lut()) + ":interp=tetrahedral");
        }
        filters.add("format=" + pixelFormat);
    }

    /** The same formula as {@link Grade#tone}, in FFmpeg's expression language, rounded to 8 bits. */
    static String toneExpression(Grade grade, int channel) {
        return String.format(Locale.ROOT,
                "clip(floor(255*pow(max(0,min(1,st(0,max(0,min(1,(pow(pow(val/255,2.2)*%.9f,1/2.2)-0.5)*%.9f+0.5)))*%.9f"
                        + "+%.9f*(1-ld(0)))),1/%.9f)+0.5),0,255)",
                grade.linearGain(channel), grade.contrast(), grade.gain(), grade.lift(), grade.gamma());
    }

    static double[][] saturationMatrix(double s) {
        double[][] m = new double[3][3];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row][col] = (1 - s) * LUMA[col] + (row == col ? s : 0);
            }
        }
        return m;
    }
}
