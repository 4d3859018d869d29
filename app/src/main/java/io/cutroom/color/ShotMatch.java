package io.cutroom.color;

import io.cutroom.media.render.Grade;
import io.cutroom.media.render.ShotCorrection;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a clip look like a reference clip: each shot's light is taken out and the reference's put in,
 * and each shot's log-average brightness is moved to the reference's, except in black and blown-out shots.
 * Unlike auto white balance, nothing is aimed at neutral: a warm reference makes a warm match.
 */
public final class ShotMatch {
    /** Brightness moves no further than this, so a night shot matched to a day shot stays usable. */
    static final double MAX_EV = 2.0;

    private ShotMatch() {
    }

    /** The reference's look: the median light and log-average luminance over its shots. */
    public record Look(Illuminant light, double logAverage) {
        public static Look of(List<ShotColor> shots) {
            double u = AutoColor.median(shots.stream().mapToDouble(s -> s.balance().estimate().logChroma()[0]).toArray());
            double v = AutoColor.median(shots.stream().mapToDouble(s -> s.balance().estimate().logChroma()[1]).toArray());
            double level = Math.exp(AutoColor.median(shots.stream()
                    .mapToDouble(s -> Math.log(Math.max(1e-4, s.exposure().logAverage()))).toArray()));
            return new Look(Illuminant.fromLogChroma(u, v), level);
        }
    }

    /** The clip's grade matched to the reference: manual settings from {@code base} kept, one correction per shot. */
    public static Grade toGrade(Grade base, List<ShotColor> clip, Look reference) {
        Grade start = base == null ? Grade.NEUTRAL : base;
        List<ShotCorrection> corrections = new ArrayList<>();
        for (int i = 0; i < clip.size(); i++) {
            ShotColor s = clip.get(i);
            double end = i + 1 < clip.size() ? clip.get(i + 1).shot().startSec() : s.shot().endSec();
            double[] g = s.balance().estimate().gainsTo(reference.light());
            double ev = Math.log(reference.logAverage() / Math.max(1e-4, s.exposure().logAverage())) / Math.log(2);
            ev = AutoColor.round(Math.max(-MAX_EV, Math.min(MAX_EV, ev)));
            if (s.exposure().showsNothing() || s.exposure().blownOut()) {
                ev = 0; // a black or white shot (a fade, a flash) has no brightness to match
            }
            corrections.add(new ShotCorrection(s.shot().startSec(), Math.max(end, s.shot().startSec()),
                    List.of(AutoColor.round(g[0]), AutoColor.round(g[1]), AutoColor.round(g[2])), ev));
        }
        return start.withShots(corrections);
    }
}
