package io.cutroom.reframe;

import io.cutroom.vision.Detection;
import io.cutroom.vision.FaceDetector;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides at which analysed moments BlazeFace looks, and runs it there. Where faces matter (near a moment
 * where CenterNet saw a person, and within a second of a face already found) it looks at every second moment,
 * every two thirds of a second, and the trackers carry the faces across every decoded frame in between.
 * Elsewhere, as in a landscape, a cartoon or an empty room, it looks once a
 * second, so a face that comes into view is found within a second. Looking at every moment cost as much as
 * the decoding and CenterNet together on footage with people in every shot.
 */
final class FaceSchedule {
    /** How often faces are looked for where nobody has been seen. */
    static final double SEARCH_EVERY_SEC = 1.0;
    /** Faces are followed at every this-many-th moment; the trackers carry them between. */
    static final int FOLLOW_EVERY = 2;
    private final FaceDetector detector;
    private final double faceMin;
    private double lastSearch = Double.NEGATIVE_INFINITY;
    private double lastFace = Double.NEGATIVE_INFINITY;
    private int looks;

    FaceSchedule(FaceDetector detector, double faceMin) {
        this.detector = detector;
        this.faceMin = faceMin;
    }

    /**
     * The faces at each of a group's moments (in order): empty where BlazeFace looked and found none, null
     * where it did not look. {@code personNear} says, per moment, whether CenterNet saw a person at the runs
     * around it.
     */
    List<List<Detection>> detect(List<Double> times, List<BufferedImage> pictures, boolean[] personNear) {
        int n = times.size();
        List<List<Detection>> faces = new ArrayList<>();
        for (int i = 0; i < n; i++) faces.add(null);
        boolean[] looked = new boolean[n];
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = times.get(i);
            boolean search = t - lastSearch >= SEARCH_EVERY_SEC - 1e-6;
            if (search) lastSearch = t;
            if (search || (following(t) && (personNear[i] || t - lastFace <= SEARCH_EVERY_SEC))) first.add(i);
        }
        look(first, pictures, faces, looked);
        // Around each face found, the following moments not yet looked at.
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (looked[i] || !following(times.get(i))) continue;
            for (int j = 0; j < n; j++) {
                if (looked[j] && hasFace(faces.get(j)) && Math.abs(times.get(i) - times.get(j)) <= SEARCH_EVERY_SEC) {
                    second.add(i);
                    break;
                }
            }
        }
        look(second, pictures, faces, looked);
        for (int i = 0; i < n; i++) {
            if (hasFace(faces.get(i))) lastFace = Math.max(lastFace, times.get(i));
        }
        return faces;
    }

    /** Whether the moment at {@code t} is one of every second moment, those at which faces are followed. */
    private static boolean following(double t) {
        return Math.round(t * SignalAnalyzer.FRAMES_PER_SEC) % FOLLOW_EVERY == 0;
    }

    /** At how many moments BlazeFace has looked so far. */
    int looks() {
        return looks;
    }

    private void look(List<Integer> at, List<BufferedImage> pictures, List<List<Detection>> faces, boolean[] looked) {
        for (int from = 0; from < at.size(); from += SignalAnalyzer.BATCH) {
            List<Integer> ids = at.subList(from, Math.min(at.size(), from + SignalAnalyzer.BATCH));
            List<List<Detection>> found = FaceTiles.detect(detector, ids.stream().map(pictures::get).toList());
            for (int k = 0; k < ids.size(); k++) {
                faces.set(ids.get(k), found.get(k));
                looked[ids.get(k)] = true;
            }
            looks += ids.size();
        }
    }

    private boolean hasFace(List<Detection> found) {
        return found != null && found.stream().anyMatch(d -> d.score() >= faceMin);
    }
}
