package io.cutroom.eval.color;

import io.cutroom.color.ColorCast;
import io.cutroom.color.LinearImage;
import io.cutroom.color.WhiteBalance;
import io.cutroom.color.WhiteBalanceEstimator;
import io.cutroom.media.render.Grade;
import io.cutroom.media.render.GradePreview;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Applies known casts to balanced pictures and measures how well each white-balance method takes them
 * out, and how much each disturbs the pictures without a cast. Cutroom's estimator and FFmpeg's filters
 * (through the bundled ffmpeg executable, as an editor would run them) see the same 8-bit pictures.
 */
public final class CastEvaluation {
    public static final String NONE = "no correction";
    public static final String CUTROOM = "cutroom auto";
    /** The same estimate without the learned reliability: how far the grey evidence alone corrects. */
    public static final String CUTROOM_EVIDENCE_ONLY = "cutroom auto, evidence alone";
    /** FFmpeg filters compared, as {@code -vf} arguments. */
    public static final List<String> FFMPEG_FILTERS = List.of("grayworld", "greyedge", "greyedge=difford=1:minknorm=5:sigma=2");

    private final String ffmpeg;
    private final Path work;
    private final WhiteBalanceEstimator estimator = new WhiteBalanceEstimator();
    private final WhiteBalanceEstimator evidenceOnly = new WhiteBalanceEstimator(WhiteBalanceEstimator.Settings.DEFAULT);

    public CastEvaluation(String ffmpegExecutable, Path workFolder) {
        this.ffmpeg = ffmpegExecutable;
        this.work = workFolder;
    }

    public List<String> methods() {
        List<String> methods = new ArrayList<>(List.of(NONE, CUTROOM, CUTROOM_EVIDENCE_ONLY));
        methods.addAll(FFMPEG_FILTERS);
        return methods;
    }

    /** Errors in degrees per method for one picture: under each cast, and for the picture as it is. */
    public record PictureResult(Map<String, List<Double>> castErrors, Map<String, Double> addedError) {
    }

    public PictureResult evaluate(BufferedImage balanced, List<ColorCast> casts) throws IOException, InterruptedException {
        LinearImage original = LinearImage.of(balanced);
        Map<String, List<Double>> castErrors = new LinkedHashMap<>();
        Map<String, Double> added = new LinkedHashMap<>();
        for (String method : methods()) {
            castErrors.put(method, new ArrayList<>());
        }
        for (ColorCast cast : casts) {
            BufferedImage castPicture = apply(balanced, cast.factors());
            Map<String, Double> errors = correctAll(original, castPicture);
            errors.forEach((method, error) -> castErrors.get(method).add(error));
        }
        added.putAll(correctAll(original, balanced));
        return new PictureResult(castErrors, added);
    }

    private Map<String, Double> correctAll(LinearImage original, BufferedImage input) throws IOException, InterruptedException {
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put(NONE, CastResidual.degrees(original, LinearImage.of(input)));
        WhiteBalance wb = estimator.estimate(LinearImage.of(input));
        errors.put(CUTROOM, CastResidual.degrees(original, LinearImage.of(apply(input, wb.gains()))));
        WhiteBalance alone = evidenceOnly.estimate(LinearImage.of(input));
        errors.put(CUTROOM_EVIDENCE_ONLY, CastResidual.degrees(original, LinearImage.of(apply(input, alone.gains()))));
        Path in = work.resolve("cast.png");
        ImageIO.write(input, "png", in.toFile());
        for (String filter : FFMPEG_FILTERS) {
            Path out = work.resolve("filtered.png");
            Files.deleteIfExists(out);
            runFfmpeg(in, filter, out);
            BufferedImage filtered = ImageIO.read(out.toFile());
            errors.put(filter, CastResidual.degrees(original, LinearImage.of(filtered)));
        }
        return errors;
    }

    /** The picture through one FFmpeg filter, as the bundled ffmpeg executable gives it back. */
    public BufferedImage filter(BufferedImage picture, String filter) throws IOException, InterruptedException {
        Path in = work.resolve("input.png");
        Path out = work.resolve("filtered.png");
        ImageIO.write(picture, "png", in.toFile());
        Files.deleteIfExists(out);
        runFfmpeg(in, filter, out);
        return ImageIO.read(out.toFile());
    }

    private void runFfmpeg(Path in, String filter, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-i", in.toString(), "-vf", filter,
                "-frames:v", "1", out.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(out)) {
            p.destroyForcibly();
            throw new IOException("ffmpeg -vf " + filter + " failed: " + output.strip());
        }
    }

    /** Multiplies linear RGB by the factors, through the same 8-bit tables a render's grade uses. */
    public static BufferedImage apply(BufferedImage picture, double[] factors) throws IOException {
        Grade grade = new Grade(null, null, null, null, null, List.of(factors[0], factors[1], factors[2]), null, null);
        return new GradePreview(grade).apply(picture);
    }

    /** Mean, median and the mean of the worst quarter: the summary the colour-constancy literature uses. */
    public record Summary(double mean, double median, double worstQuarter, int count) {
        public static Summary of(List<Double> values) {
            double[] v = values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            int quarter = Math.max(1, (int) Math.ceil(v.length / 4.0));
            double worst = Arrays.stream(v, v.length - quarter, v.length).average().orElse(Double.NaN);
            return new Summary(Arrays.stream(v).average().orElse(Double.NaN), median, worst, v.length);
        }
    }
}
