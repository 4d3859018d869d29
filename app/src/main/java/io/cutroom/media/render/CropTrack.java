package io.cutroom.media.render;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where the crop window sits over time: the contract between reframing (which writes it), the editor
 * (who corrects it) and the render pipeline (which follows it). Windows are fractions of the source
 * frame as displayed, after rotation; between keyframes they move linearly; outside the frame they are
 * clamped. Every window must have the output's aspect ratio in pixels.
 */
public record CropTrack(int sourceWidth, int sourceHeight, AspectRatio aspect, List<Keyframe> keyframes, Fill fill)
        implements Serializable {
    /** Relative tolerance on a keyframe's aspect: rounding to even pixels of small frames needs about 1%. */
    private static final double ASPECT_TOLERANCE = 0.015;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A window at a time, in seconds from the start of the clip. */
    public record Keyframe(double t, CropWindow window) implements Serializable {
    }

    public CropTrack {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("The crop track needs the source size, not " + sourceWidth + "x" + sourceHeight + ".");
        }
        if (keyframes.isEmpty()) {
            throw new IllegalArgumentException("The crop track has no keyframes.");
        }
        List<Keyframe> sorted = new ArrayList<>(keyframes);
        sorted.sort(Comparator.comparingDouble(Keyframe::t));
        for (Keyframe k : sorted) {
            CropWindow w = k.window();
            if (!(w.w() > 0 && w.h() > 0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "The crop window at %.2f s has no area (w=%s, h=%s).", k.t(), w.w(), w.h()));
            }
            double actual = w.pixelAspect(sourceWidth, sourceHeight);
            if (Math.abs(actual / aspect.value() - 1) > ASPECT_TOLERANCE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "The crop window at %.2f s is %.3f wide for 1 high, but the output is %s (%.3f): "
                                + "w and h must keep that shape on a %dx%d source.",
                        k.t(), actual, aspect, aspect.value(), sourceWidth, sourceHeight));
            }
        }
        keyframes = List.copyOf(sorted);
        fill = fill == null ? Fill.NONE : fill;
    }

    /** A track whose windows always lie inside the frame. */
    public CropTrack(int sourceWidth, int sourceHeight, AspectRatio aspect, List<Keyframe> keyframes) {
        this(sourceWidth, sourceHeight, aspect, keyframes, Fill.NONE);
    }

    /** The largest centred window of the given aspect: what "crop center" means. */
    public static CropTrack centered(int sourceWidth, int sourceHeight, AspectRatio aspect) {
        double sourceAspect = sourceWidth / (double) sourceHeight;
        double w = aspect.value() >= sourceAspect ? 1.0 : aspect.value() / sourceAspect;
        double h = aspect.value() >= sourceAspect ? sourceAspect / aspect.value() : 1.0;
        CropWindow window = new CropWindow((1 - w) / 2, (1 - h) / 2, w, h);
        return new CropTrack(sourceWidth, sourceHeight, aspect, List.of(new Keyframe(0, window)));
    }

    /**
     * The window at time {@code t}, interpolated and placed in the frame: clamped into it, or, where the track
     * has a fill, as wide as it was widened, reaching past the frame where it must.
     */
    public CropWindow windowAt(double t) {
        Keyframe first = keyframes.get(0);
        if (t <= first.t()) {
            return placed(first.window());
        }
        for (int i = 1; i < keyframes.size(); i++) {
            Keyframe next = keyframes.get(i);
            if (t <= next.t()) {
                Keyframe prev = keyframes.get(i - 1);
                double span = next.t() - prev.t();
                double f = span <= 0 ? 1 : (t - prev.t()) / span;
                return placed(prev.window().towards(next.window(), f));
            }
        }
        return placed(keyframes.get(keyframes.size() - 1).window());
    }

    private CropWindow placed(CropWindow window) {
        return fill == Fill.NONE ? window.clampedToFrame() : window.placedInFrame();
    }

    public static CropTrack read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), Json.class).toTrack();
        } catch (JsonProcessingException e) {
            throw new IOException("The crop track " + file.getFileName() + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("The crop track " + file.getFileName() + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** Reads what {@link #toJson()} wrote, as stored in the catalog. */
    public static CropTrack fromJson(String json) {
        try {
            return JSON.readValue(json, Json.class).toTrack();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The crop track is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(Json.of(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file format: {"sourceWidth", "sourceHeight", "aspect": "9:16", "keyframes": [{t, x, y, w, h}]}, and
     * "fill": "pad" or "blur" for a track whose windows may reach past the frame.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Json(int sourceWidth, int sourceHeight, String aspect, List<JsonKeyframe> keyframes, String fill) {
        @JsonCreator
        Json(@JsonProperty(value = "sourceWidth", required = true) int sourceWidth,
             @JsonProperty(value = "sourceHeight", required = true) int sourceHeight,
             @JsonProperty(value = "aspect", required = true) String aspect,
             @JsonProperty(value = "keyframes", required = true) List<JsonKeyframe> keyframes,
             @JsonProperty(value = "fill") String fill) {
            this.sourceWidth = sourceWidth;
            this.sourceHeight = sourceHeight;
            this.aspect = aspect;
            this.keyframes = keyframes;
            this.fill = fill;
        }

        CropTrack toTrack() {
            return new CropTrack(sourceWidth, sourceHeight, AspectRatio.parse(aspect),
                    keyframes.stream().map(k -> new Keyframe(k.t(), new CropWindow(k.x(), k.y(), k.w(), k.h()))).toList(),
                    fill == null ? Fill.NONE : Fill.parse(fill));
        }

        static Json of(CropTrack track) {
            return new Json(track.sourceWidth(), track.sourceHeight(), track.aspect().toString(), track.keyframes().stream()
                    .map(k -> new JsonKeyframe(k.t(), k.window().x(), k.window().y(), k.window().w(), k.window().h())).toList(),
                    track.fill() == Fill.NONE ? null : track.fill().id());
        }
    }

    record JsonKeyframe(double t, double x, double y, double w, double h) {
        @JsonCreator
        JsonKeyframe(@JsonProperty(value = "t", required = true) double t,
                     @JsonProperty(value = "x", required = true) double x,
                     @JsonProperty(value = "y", required = true) double y,
                     @JsonProperty(value = "w", required = true) double w,
                     @JsonProperty(value = "h", required = true) double h) {
            this.t = t;
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
        }
    }
}
