package io.cutroom.vision;

/**
 * oneDNN acceleration for DL4J layers. ND4J's {@code -onednn-avx2} natives run SameDiff convolutions
 * through oneDNN by themselves; DL4J's own layers use them only through "layer helpers", which
 * 1.0.0-M2.1 disables by default (system property {@code org.eclipse.deeplearning4j.helpers.disable},
 * default true) and then fails to detect (see {@link org.nd4j.nativeblas.Nd4jCpu}). Cutroom turns them
 * on unless the editor sets {@code cutroom.onednn=false}, which {@code cutroom bench tag} uses to compare.
 */
public final class OneDnn {
    public static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    public static final String SWITCH_PROPERTY = "cutroom.onednn";

    private OneDnn() {
    }

    /** Must run before the first DL4J network is built: helpers are chosen when layers are created. */
    public static void configure() {
        boolean on = !"false".equalsIgnoreCase(System.getProperty(SWITCH_PROPERTY, "true"));
        System.setProperty(HELPERS_PROPERTY, Boolean.toString(!on));
    }

    public static boolean helpersEnabled() {
        return "false".equalsIgnoreCase(System.getProperty(HELPERS_PROPERTY, "true"));
    }
}
