package io.cutroom.vision;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lets the converted BlazeFace run at a smaller square input than the 256 pixels it was exported for. Its
 * layers are convolutions and pooling, which take any size; only the four reshapes that flatten its two
 * grids of anchors (stride 16 with 2 anchors a cell, stride 32 with 6) hold the anchor counts as constants
 * (512 and 384 at 256). Those are rewritten for the new grids; {@link FaceDetector#anchors} places the
 * anchors the same way at any size.
 */
final class BlazeFaceInputSize {
    static final int GRANULE = 32;

    private BlazeFaceInputSize() {
    }

    static void rewrite(SameDiff graph, int exported, int size) throws ModelException {
        if (size % GRANULE != 0 || size < 4 * GRANULE || size > exported) {
            throw new ModelException("BlazeFace can run at sizes that are multiples of " + GRANULE + " from "
                    + 4 * GRANULE + " to " + exported + " pixels, not " + size + ".");
        }
        long fineBefore = anchors(exported, 16, 2), coarseBefore = anchors(exported, 32, 6);
        int rewritten = 0;
        for (DifferentialFunction op : graph.ops()) {
            if (!op.opName().equals("reshape") || op.args().length != 2) continue;
            SDVariable shape = op.args()[1];
            INDArray old = shape.getArr();
            if (old == null || old.length() != 3) continue;
            long count = old.getLong(1);
            long now = count == fineBefore ? anchors(size, 16, 2) : count == coarseBefore ? anchors(size, 32, 6) : -1;
            if (now < 0) continue;
            shape.setArray(Nd4j.createFromArray(old.getLong(0), now, old.getLong(2)).castTo(old.dataType()));
            rewritten++;
        }
        if (rewritten != 4) {
            throw new ModelException("BlazeFace's graph is not the one this program knows (" + rewritten
                    + " anchor reshapes); it can only run at " + exported + " pixels.");
        }
    }

    private static long anchors(int size, int stride, int perCell) {
        long cells = size / stride;
        return cells * cells * perCell;
    }
}
