package io.cutroom.eval.reframe;

import io.cutroom.eval.reframe.GroundTruthClip.Segment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground-truth clips reframing is judged on, all made from the demo media: the astronaut photo (a face
 * and a person) moving over a Big Buck Bunny shot and two stills, with several motion paths.
 */
public final class EvalSet {
    public static final int SUBJECT_SIDE = 300;

    private EvalSet() {
    }

    /** Name to clip, made in {@code dir} from the demo folder's stills and video. */
    public static Map<String, GroundTruthClip> make(Path demo, Path dir) throws IOException, InterruptedException {
        Path subject = demo.resolve("stills/astronaut.png");
        Path bunny = demo.resolve("video/big_buck_bunny_0_30.webm");
        Path china = demo.resolve("stills/china.jpg");
        Path coffee = demo.resolve("stills/coffee.png");
        Map<String, GroundTruthClip> clips = new LinkedHashMap<>();
        clips.put("steady, pan, steady (2 cuts)", GroundTruthClip.make(dir.resolve("steady-pan-steady.mp4"), subject,
                SUBJECT_SIDE, 0.3, List.of(new Segment(bunny, 0.5, 3, 0.1, 0.1), new Segment(china, 0, 4, 0.45, 0.7),
                        new Segment(coffee, 0, 3, 0.2, 0.2))));
        clips.put("zigzag in one shot", GroundTruthClip.make(dir.resolve("zigzag.mp4"), subject, SUBJECT_SIDE, 0.25,
                List.of(new Segment(china, 0, 2, 0.1, 0.6), new Segment(china, 0, 2, 0.6, 0.2),
                        new Segment(china, 0, 2, 0.2, 0.55))));
        clips.put("small drift, cut", GroundTruthClip.make(dir.resolve("drift.mp4"), subject, SUBJECT_SIDE, 0.35,
                List.of(new Segment(bunny, 0.5, 4, 0.3, 0.36), new Segment(coffee, 0, 3, 0.6, 0.6))));
        clips.put("fast sweep, then still", GroundTruthClip.make(dir.resolve("sweep.mp4"), subject, SUBJECT_SIDE, 0.3,
                List.of(new Segment(china, 0, 1.5, 0.05, 0.65), new Segment(china, 0, 2.5, 0.65, 0.65))));
        return clips;
    }
}
