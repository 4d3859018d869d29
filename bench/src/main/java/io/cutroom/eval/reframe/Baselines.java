package io.cutroom.eval.reframe;

import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.CropTrack;
import io.cutroom.media.render.CropWindow;
import io.cutroom.reframe.Aim;
import io.cutroom.reframe.FrameSignals;
import java.util.List;

/** What reframing is compared with: the fixed centre crop, and a window centred on each moment's subjects. */
public final class Baselines {
    private Baselines() {
    }

    public static CropTrack centre(int width, int height, AspectRatio aspect) {
        return CropTrack.centered(width, height, aspect);
    }

    /**
     * The per-frame saliency crop: at every analysed moment the window centres on the same weighted subjects
     * Cutroom aims at, with no smoothing, no camera modes and no notion of shots.
     */
    public static CropTrack perFrameSaliency(int width, int height, AspectRatio aspect, List<FrameSignals> signals) {
        CropWindow full = CropTrack.centered(width, height, aspect).keyframes().get(0).window();
        double w = full.w(), h = full.h();
        List<CropTrack.Keyframe> keyframes = signals.stream().map(f -> {
            Aim a = Aim.of(f, w, h);
            return new CropTrack.Keyframe(f.t(), new CropWindow(a.cx() - w / 2, a.cy() - h / 2, w, h));
        }).toList();
        return keyframes.isEmpty() ? centre(width, height, aspect) : new CropTrack(width, height, aspect, keyframes);
    }
}
