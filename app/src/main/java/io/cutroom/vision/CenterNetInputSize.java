package io.cutroom.vision;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.IntArguments;

/**
 * Lets the converted CenterNet run at other input sizes than the 512 × 512 it was exported for: smaller,
 * and not square, so a 16:9 frame is not padded with 44% black.
 * Its layers are convolutions, which take any size, except the three 2× bilinear upsamplings of its
 * feature pyramid: TF.js wrote them as slices ({@code x[:, 1:n]}, {@code x[:, n-1:n]}) and reshapes whose
 * feature-map sizes n are constants (16, 32 and 64 at 512). Those constants are scaled here, so the graph
 * computes the same upsampling for the new size. Framing uses it: a picture analysed 480 pixels wide gains
 * nothing from being enlarged to 512, and CenterNet at 320 took a third to a quarter of the time per picture
 * here. {@code ObjectDetectorSizeTest} checks that the same objects are found in the same places.
 */
final class CenterNetInputSize {
    static final int EXPORTED = 512;
    /** The coarsest feature map is the input over 32; it must stay a whole number. */
    static final int GRANULE = 32;
    private static final int MASKS = 5;

    private CenterNetInputSize() {
    }

    static void rewrite(SameDiff graph, int width, int height) throws ModelException {
        for (int side : new int[] {width, height}) {
            if (side % GRANULE != 0 || side < 4 * GRANULE || side > EXPORTED) {
                throw new ModelException("CenterNet can run at sides that are multiples of " + GRANULE + " from "
                        + 4 * GRANULE + " to " + EXPORTED + " pixels, not " + width + " × " + height + ".");
            }
        }
        int slices = 0;
        int reshapes = 0;
        for (DifferentialFunction op : graph.ops()) {
            if (!(op instanceof DynamicCustomOp custom)) continue;
            if (op.opName().equals("strided_slice")) {
                scaleSlice(custom, width, height);
                slices++;
            } else if (op.opName().equals("reshape")) {
                scaleReshape(custom, width, height);
                reshapes++;
            }
        }
        if (slices != 12 || reshapes != 6) {
            throw new ModelException("CenterNet's graph is not the one this program knows (" + slices + " slices, "
                    + reshapes + " reshapes); it can only run at " + EXPORTED + " pixels.");
        }
    }

    /**
     * Arguments: five masks, then begin, end and strides for the 4 axes (batch, height, width, channels).
     * The feature-map size n is the largest begin or end value, on the axis being sliced; n and n − 1
     * become the new map's along that axis.
     */
    private static void scaleSlice(DynamicCustomOp op, int width, int height) {
        long[] args = op.iArgs();
        int rank = (args.length - MASKS) / 3;
        long n = 0;
        int axis = 0;
        for (int i = MASKS; i < MASKS + 2 * rank; i++) {
            if (args[i] > n) {
                n = args[i];
                axis = (i - MASKS) % rank;
            }
        }
        long scaled = n * (axis == 1 ? height : width) / EXPORTED;
        for (int i = MASKS; i < MASKS + 2 * rank; i++) {
            if (args[i] == n) IntArguments.set(op, i, scaled);
            else if (args[i] == n - 1) IntArguments.set(op, i, scaled - 1);
        }
    }

    /** Arguments: the order, then the shape [-1, height, width, channels]; height and width scale. */
    private static void scaleReshape(DynamicCustomOp op, int width, int height) {
        long[] args = op.iArgs();
        IntArguments.set(op, 2, args[2] * height / EXPORTED);
        IntArguments.set(op, 3, args[3] * width / EXPORTED);
    }
}
