package org.nd4j.linalg.api.ops;

/**
 * Replaces one integer argument of a loaded SameDiff op. ND4J M2.1 can add and read them but not replace
 * them in place, and the list is only open to its own package. Used to give CenterNet another input size:
 * see {@link io.cutroom.vision.CenterNetInputSize}.
 */
public final class IntArguments {
    private IntArguments() {
    }

    public static void set(DynamicCustomOp op, int index, long value) {
        op.iArguments.set(index, value);
    }
}
