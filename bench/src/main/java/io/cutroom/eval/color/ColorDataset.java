package io.cutroom.eval.color;

import io.cutroom.color.ColorCast;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A colour-constancy set in the INTEL-TAU layout: 16-bit PNGs in linear camera RGB (65535 marks a clipped
 * pixel) and {@code gt_illuminants.csv} with columns {@code image,r,g,b}, the light measured on a colour
 * checker in each scene. Dividing a scene by its light gives the scene under white light, so any cast put on
 * it afterwards has a known answer.
 */
public final class ColorDataset {
    public static final String GROUND_TRUTH = "gt_illuminants.csv";
    /** The neutral scene is scaled so this share of its unclipped pixels stays below {@link #BRIGHT_LEVEL}. */
    static final double BRIGHT_PERCENTILE = 0.99;
    static final double BRIGHT_LEVEL = 0.9;

    /** One scene made neutral: linear values per channel (not yet scaled), and its clipped pixels. */
    public record Scene(String name, int width, int height, float[] rgb, boolean[] clipped) {
    }

    private ColorDataset() {
    }

    /** Reads every scene listed in the folder's ground truth; a listed picture that is missing or unreadable is an error. */
    public static List<Scene> read(Path folder) throws IOException {
        Path truth = folder.resolve(GROUND_TRUTH);
        if (!Files.isRegularFile(truth)) {
            throw new IOException(folder + " has no " + GROUND_TRUTH + " (columns image,r,g,b).");
        }
        List<Scene> scenes = new ArrayList<>();
        List<String> lines = Files.readAllLines(truth);
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 4) {
                throw new IOException(GROUND_TRUTH + " line " + (n + 1) + " does not read image,r,g,b.");
            }
            double[] light;
            try {
                light = new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
            } catch (NumberFormatException e) {
                throw new IOException(GROUND_TRUTH + " line " + (n + 1) + " has a light that is not three numbers.");
            }
            scenes.add(neutral(f[0].strip(), folder.resolve(f[0].strip()), light));
        }
        return scenes;
    }

    static Scene neutral(String name, Path file, double[] light) throws IOException {
        BufferedImage png = Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
        if (png == null || png.getRaster().getNumBands() < 3) {
            throw new IOException(name + " is missing or is not an RGB PNG.");
        }
        Raster raster = png.getRaster();
        int bits = png.getColorModel().getComponentSize(0);
        double full = (1 << bits) - 1;
        int w = png.getWidth();
        int h = png.getHeight();
        float[] rgb = new float[w * h * 3];
        boolean[] clipped = new boolean[w * h];
        double[] unit = {light[0] / light[1], 1, light[2] / light[1]};
        int[] px = new int[raster.getNumBands()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(x, y, px);
                int i = y * w + x;
                for (int c = 0; c < 3; c++) {
                    clipped[i] |= px[c] >= full;
                    rgb[i * 3 + c] = (float) (px[c] / full / unit[c]);
                }
            }
        }
        return new Scene(name, w, h, rgb, clipped);
    }

    /**
     * The scene under {@code cast} (linear factors, largest 1), encoded with the sRGB curve in 8 bits. The
     * neutral scene is first scaled so its bright end sits at {@link #BRIGHT_LEVEL}, as an exposed picture
     * would; clipped pixels stay white under any light, as a saturated sensor shows them.
     */
    public static BufferedImage picture(Scene scene, double[] cast) {
        double scale = BRIGHT_LEVEL / brightEnd(scene);
        BufferedImage out = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < scene.clipped().length; i++) {
            int p = 0;
            for (int c = 0; c < 3; c++) {
                double v = scene.clipped()[i] ? 1 : scene.rgb()[i * 3 + c] * scale * cast[c];
                p = (p << 8) | (int) Math.round(encodeSrgb(v) * 255);
            }
            out.setRGB(i % scene.width(), i / scene.width(), p);
        }
        return out;
    }

    private static double brightEnd(Scene scene) {
        int n = scene.clipped().length;
        float[] max = new float[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!scene.clipped()[i]) {
                max[k++] = Math.max(scene.rgb()[i * 3], Math.max(scene.rgb()[i * 3 + 1], scene.rgb()[i * 3 + 2]));
            }
        }
        if (k == 0) {
            return 1;
        }
        Arrays.sort(max, 0, k);
        return Math.max(1e-6, max[Math.min(k - 1, (int) (k * BRIGHT_PERCENTILE))]);
    }

    /** The sRGB transfer curve (IEC 61966-2-1). */
    static double encodeSrgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }

    /** The casts the dataset evaluation applies, besides none: tungsten, fluorescent white, shade and two tints. */
    public static List<ColorCast> casts() {
        return List.of(ColorCast.kelvin(2700, 0), ColorCast.kelvin(4000, 0), ColorCast.kelvin(9000, 0),
                ColorCast.kelvin(6504, 0.12), ColorCast.kelvin(6504, -0.12));
    }

    static String describe(List<ColorCast> casts) {
        return String.join(", ", casts.stream().map(c -> String.format(Locale.ROOT, "%s", c.name())).toList());
    }
}
