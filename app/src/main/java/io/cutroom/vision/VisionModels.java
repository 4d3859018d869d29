package io.cutroom.vision;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three networks and the drawing head on the classifier's features, loaded once per process on first use
 * (never on the JavaFX thread: callers are jobs and commands). A model that fails its checks leaves tagging off with the reason, rather than
 * half-working.
 */
public final class VisionModels {
    private static VisionModels shared;
    private final ModelFiles files;
    private final SceneClassifier scenes;
    private final ObjectDetector objects;
    private final FaceDetector faces;
    private FaceDetector framingFaces;
    private DrawingHead drawings;
    /** CenterNet for other input shapes, by "width x height"; few are ever used (a clip's frames share one). */
    private final Map<String, ObjectDetector> shaped = new LinkedHashMap<>(4, 0.75f, true);
    private static final int SHAPES_KEPT = 4;
    /**
     * CenterNet's longer input side for reframing, whose pictures are 480 pixels wide: at 320 it found the
     * same subjects on the ground-truth clips (eval reframe) for a third of the time per picture.
     */
    public static final int FRAMING_OBJECT_SIZE = 320;
    /** BlazeFace's input side for reframing (see {@link #framingFaces}). */
    public static final int FRAMING_FACE_SIZE = 192;

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

    /** The drawing head on the classifier's features; loaded on first use (its trainer runs before it exists). */
    public synchronized DrawingHead drawings() throws ModelException {
        if (drawings == null) {
            drawings = DrawingHead.load(files);
        }
        return drawings;
    }

    /**
     * CenterNet with an input of the picture's shape, its longer side {@code longSide} and both sides whole
     * multiples of 32, so a 16:9 frame is not letterboxed into a square (320 × 192 instead of 320 × 320:
     * 60% of the work). Reframing found the same subjects on its ground-truth clips; tagging stays with the
     * exported square (see FrameAnalyzer). Each shape is a copy of the graph, loaded on first use.
     */
    public synchronized ObjectDetector objectsFor(BufferedImage picture, int longSide) throws ModelException {
        boolean wide = picture.getWidth() >= picture.getHeight();
        double ratio = wide ? picture.getHeight() / (double) picture.getWidth() : picture.getWidth() / (double) picture.getHeight();
        int shortSide = Math.max(4 * CenterNetInputSize.GRANULE,
                (int) Math.ceil(longSide * ratio / CenterNetInputSize.GRANULE - 1e-9) * CenterNetInputSize.GRANULE);
        int width = wide ? longSide : shortSide;
        int height = wide ? shortSide : longSide;
        if (width == objects.inputWidth() && height == objects.inputHeight()) {
            return objects;
        }
        String key = width + "x" + height;
        ObjectDetector detector = shaped.get(key);
        if (detector == null) {
            detector = new ObjectDetector(files, width, height);
            shaped.put(key, detector);
            if (shaped.size() > SHAPES_KEPT) {
                shaped.remove(shaped.keySet().iterator().next());
            }
        }
        return detector;
    }

    public FaceDetector faces() {
        return faces;
    }

    /**
     * BlazeFace for reframing, whose face tiles are 270 pixels of a 480-pixel picture: at 192 pixels instead
     * of the exported 256 the network costs 0.6 of the time per tile, and faces are looked for at every
     * analysed moment where people are, the largest part of analysing such footage. Loaded on first use.
     */
    public synchronized FaceDetector framingFaces() throws ModelException {
        if (framingFaces == null) {
            framingFaces = FRAMING_FACE_SIZE == faces.inputSize() ? faces : new FaceDetector(files, FRAMING_FACE_SIZE);
        }
        return framingFaces;
    }
}
