package io.cutroom.eval.color;

import io.cutroom.media.ProbeException;
import io.cutroom.media.StillMetadata;
import io.cutroom.media.ThumbnailMaker;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Balanced pictures from a folder (searched recursively), upright and scaled, with copies of one photo that differ
 * only in orientation (a set of EXIF-orientation test pictures) known as one, so they are counted once and never
 * land on both sides of a fold.
 */
public final class BalancedPictures {
    private static final List<String> TYPES = List.of(".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp");

    /** @param copyOf the index of the first picture with the same content, or this picture's own index */
    public record Picture(String name, Path file, BufferedImage image, int copyOf) {
    }

    private BalancedPictures() {
    }

    /** Every picture FFmpeg can read, scaled to {@code size} pixels on the long side; the others go to {@code skipped}. */
    public static List<Picture> read(Path folder, int size, Consumer<String> skipped) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(BalancedPictures::isPicture).sorted().toList();
        }
        List<Picture> pictures = new ArrayList<>();
        List<float[]> signatures = new ArrayList<>();
        for (Path file : files) {
            String name = folder.relativize(file).toString();
            BufferedImage image;
            try {
                image = new ThumbnailMaker().upright(file, StillMetadata.read(file).orientation(), size);
            } catch (ProbeException e) {
                skipped.accept(name + ": " + e.getMessage());
                continue;
            }
            float[] signature = signature(image);
            int copyOf = pictures.size();
            for (int i = 0; i < signatures.size() && copyOf == pictures.size(); i++) {
                if (sameContent(signatures.get(i), signature)) {
                    copyOf = pictures.get(i).copyOf();
                }
            }
            pictures.add(new Picture(name, file, image, copyOf));
            signatures.add(signature);
        }
        return pictures;
    }

    /** A 16x16 grey thumbnail: pictures that match it closely are the same photo. */
    private static float[] signature(BufferedImage picture) {
        BufferedImage small = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, 16, 16, null);
        g.dispose();
        float[] values = new float[256];
        for (int i = 0; i < 256; i++) {
            int p = small.getRGB(i % 16, i / 16);
            values[i] = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 765f;
        }
        return values;
    }

    private static boolean sameContent(float[] a, float[] b) {
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += Math.abs(a[i] - b[i]);
        }
        return diff / a.length < 0.02;
    }

    private static boolean isPicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return TYPES.stream().anyMatch(name::endsWith);
    }
}
