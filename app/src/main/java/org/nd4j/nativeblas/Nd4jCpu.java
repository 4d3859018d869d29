package org.nd4j.nativeblas;

/**
 * Compatibility bridge for DL4J 1.0.0-M2.1. Its oneDNN layer helpers ask
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()} whether oneDNN is on, but ND4J M2.1 moved
 * that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings} and renamed the flag, so the lookup fails
 * and the helpers stay off without a word. This class answers under the old name with the real flag.
 * It does nothing unless helpers are enabled too: see {@link io.cutroom.vision.OneDnn}.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
