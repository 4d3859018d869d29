package io.cutroom.color;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-shot measurements as plain maps, for the catalog's analysis column and the CLI's JSON. */
public final class ShotColorJson {
    private ShotColorJson() {
    }

    public static List<Map<String, Object>> of(List<ShotColor> shots) {
        return shots.stream().map(ShotColorJson::of).toList();
    }

    public static Map<String, Object> of(ShotColor s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", s.shot().index());
        m.put("startSec", s.shot().startSec());
        m.put("endSec", s.shot().endSec());
        m.put("frames", s.frames());
        WhiteBalance wb = s.balance();
        m.put("illuminant", rounded(wb.estimate().rgb()));
        m.put("castDeg", AutoColor.round(wb.estimate().angleFromNeutral()));
        m.put("confidence", AutoColor.round(wb.confidence()));
        m.put("strength", AutoColor.round(wb.strength()));
        m.put("gains", rounded(wb.gains()));
        m.put("cueSpreadDeg", AutoColor.round(wb.cueSpreadDeg()));
        m.put("reliability", AutoColor.round(wb.reliability()));
        m.put("exposure", s.exposure().ev());
        m.put("contrast", s.exposure().contrast());
        m.put("logAverage", AutoColor.round(s.exposure().logAverage()));
        return m;
    }

    static List<Double> rounded(double[] v) {
        return List.of(AutoColor.round(v[0]), AutoColor.round(v[1]), AutoColor.round(v[2]));
    }
}
