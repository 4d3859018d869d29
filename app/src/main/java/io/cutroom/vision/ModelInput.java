package io.cutroom.vision;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Pictures to a network's input: stretched to its square size (as the models were trained and as their
 * reference runtime feeds them), RGB, NHWC, each 8-bit value mapped to {@code value × scale + offset}.
 */
public final class ModelInput {
    private ModelInput() {
    }

    public static INDArray batch(List<BufferedImage> pictures, int size, float scale, float offset) {
        float[] data = new float[pictures.size() * size * size * 3];
        int[] argb = new int[size * size];
        int at = 0;
        for (BufferedImage picture : pictures) {
            BufferedImage square = stretched(picture, size);
            square.getRGB(0, 0, size, size, argb, 0, size);
            for (int pixel : argb) {
                data[at++] = ((pixel >> 16) & 0xff) * scale + offset;
                data[at++] = ((pixel >> 8) & 0xff) * scale + offset;
                data[at++] = (pixel & 0xff) * scale + offset;
            }
        }
        return Nd4j.create(data, new long[] {pictures.size(), size, size, 3}, 'c');
    }

    static BufferedImage stretched(BufferedImage picture, int size) {
        if (picture.getWidth() == size && picture.getHeight() == size) {
            return picture;
        }
        BufferedImage square = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(picture, 0, 0, size, size, null);
        g.dispose();
        return square;
    }
}
