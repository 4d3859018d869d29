package io.cutroom.media.render;

import java.util.HashMap;
import java.util.Map;

/**
 * The filter graphs for a grade whose automatic part changes at cuts: one graph per shot, built when the
 * render reaches that shot and kept, since a graph holds only lookup tables and a frame or two.
 */
final class ShotGradeGraphs implements AutoCloseable {
    private final Grade grade;
    private final String pixelFormat;
    private final int width;
    private final int height;
    private final Map<ShotCorrection, GradeGraph> byShot = new HashMap<>();
    private GradeGraph whole;

    ShotGradeGraphs(Grade grade, String pixelFormat, int width, int height) {
        this.grade = grade;
        this.pixelFormat = pixelFormat;
        this.width = width;
        this.height = height;
    }

    /** The graph that grades the frame shown at {@code timeSec}. */
    GradeGraph at(double timeSec) throws RenderException {
        ShotCorrection shot = grade.shotAt(timeSec);
        if (shot == null) {
            if (whole == null) {
                whole = new GradeGraph(GradeFilters.rgbChain(grade.at(timeSec), pixelFormat), width, height);
            }
            return whole;
        }
        GradeGraph graph = byShot.get(shot);
        if (graph == null) {
            graph = new GradeGraph(GradeFilters.rgbChain(grade.at(timeSec), pixelFormat), width, height);
            byShot.put(shot, graph);
        }
        return graph;
    }

    @Override
    public void close() {
        byShot.values().forEach(GradeGraph::close);
        if (whole != null) {
            whole.close();
        }
    }
}
