package io.cutroom.vision;

/**
 * The three networks, loaded once per process on first use (never on the JavaFX thread: callers are
 * jobs and commands). A model that fails its checks leaves tagging off with the reason, rather than
 * half-working.
 */
public final class VisionModels {
    private static VisionModels shared;
    private final ModelFiles files;
    private final SceneClassifier scenes;
    private final ObjectDetector objects;
    private final FaceDetector faces;
    private ObjectDetector framingObjects;
    /**
     * CenterNet's input for reframing, whose pictures are 480 pixels wide: at 320 it found the same
     * subjects on the ground-truth clips (eval reframe) for a quarter of the time per picture.
     */
    public static final int FRAMING_OBJECT_SIZE = 320;

    public VisionModels(ModelFiles files) throws ModelException {
        OneDnn.configure();
        this.files = files;
        this.scenes = new SceneClassifier(files);
        this.objects = new ObjectDetector(files);
        this.faces = new FaceDetector(files);
    }

    public static synchronized VisionModels shared() throws ModelException {
        if (shared == null) {
            shared = new VisionModels(ModelFiles.locate());
        }
        return shared;
    }

    public ModelFiles files() {
        return files;
    }

    public SceneClassifier scenes() {
        return scenes;
    }

    public ObjectDetector objects() {
        return objects;
    }

    /** CenterNet at {@link #FRAMING_OBJECT_SIZE}: a second copy of the graph, loaded on first use. */
    public synchronized ObjectDetector objectsForFraming() throws ModelException {
        if (framingObjects == null) {
            framingObjects = new ObjectDetector(files, FRAMING_OBJECT_SIZE);
        }
        return framingObjects;
    }

    public FaceDetector faces() {
        return faces;
    }
}
