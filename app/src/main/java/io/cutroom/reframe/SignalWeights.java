package io.cutroom.reframe;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How much each kind of signal pulls the window. A face outweighs a person, a person an animal, an animal
 * any other object, and motion only matters when nothing was recognised; the centre is the fallback when
 * nothing at all is seen. Written and read as {@code face=1,person=0.6,animal=0.5,object=0.25,motion=0.15}.
 */
public record SignalWeights(double face, double person, double animal, double object, double motion)
        implements Serializable {
    public static final SignalWeights DEFAULT = new SignalWeights(1.0, 0.6, 0.5, 0.25, 0.15);

    public double of(Subject.Kind kind) {
        return switch (kind) {
            case FACE -> face;
            case PERSON -> person;
            case ANIMAL -> animal;
            case OBJECT -> object;
            case MOTION -> motion;
        };
    }

    /** Starts from the defaults and changes the kinds named, e.g. "face=2,motion=0". */
    public static SignalWeights parse(String text) {
        Map<String, Double> values = new LinkedHashMap<>(DEFAULT.asMap());
        for (String part : text.split(",")) {
            if (part.isBlank()) continue;
            String[] kv = part.split("=", 2);
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || !values.containsKey(key)) {
                throw new IllegalArgumentException("Signal weights are written like face=1,person=0.6 with the kinds "
                        + String.join(", ", values.keySet()) + "; '" + part.trim() + "' is not one of them.");
            }
            try {
                double v = Double.parseDouble(kv[1].trim());
                if (v < 0 || Double.isNaN(v)) throw new NumberFormatException();
                values.put(key, v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The weight of " + key + " must be a number of 0 or more, not '"
                        + kv[1].trim() + "'.", e);
            }
        }
        return new SignalWeights(values.get("face"), values.get("person"), values.get("animal"), values.get("object"),
                values.get("motion"));
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("face", face);
        m.put("person", person);
        m.put("animal", animal);
        m.put("object", object);
        m.put("motion", motion);
        return m;
    }
}
