package io.cutroom.reframe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.ProbeException;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.shots.Shot;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.VisionModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reframes a clip for another shape: analyses it once at low resolution (see {@link SignalAnalyzer}), then
 * plans the window shot by shot ({@link CameraPlanner}). The result is the render pipeline's crop track.
 */
public final class Reframer {
    private final VisionModels models;

    public Reframer(VisionModels models) {
        this.models = models;
    }

    public record Result(CameraPlanner.Plan plan, List<FrameSignals> signals, AspectRatio aspect, MotionStyle style,
                         SignalWeights weights) {
        /** The plan per shot and the subjects per analysed moment, as stored with the track. */
        public String weightsJson() {
            return write(weights.asMap());
        }

        public String shotsJson() {
            return Reframer.shotsJson(plan.shots());
        }

        public String signalsJson() {
            return write(signals.stream().map(f -> {
                Map<String, Object> frame = new LinkedHashMap<>();
                frame.put("t", round(f.t()));
                if (f.tracked()) frame.put("tracked", true);
                frame.put("subjects", f.subjects().stream().map(Reframer::subjectJson).toList());
                return frame;
            }).toList());
        }

        /** What {@code cutroom reframe --json} prints: shape, style, weights, shots and the track. */
        public Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("aspect", aspect.toString());
            out.put("style", style.id());
            out.put("weights", weights.asMap());
            out.put("shots", plan.shots());
            try {
                out.put("track", MAPPER.readTree(plan.track().toJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Result reframe(Path file, MediaInfo info, List<Shot> shots, AspectRatio aspect, MotionStyle style,
                          SignalWeights weights, JobContext ctx) throws ProbeException, ModelException {
        return reframe(file, info, shots, aspect, style, weights, List.of(), List.of(), ctx);
    }

    /**
     * As above, through the editor's pins and subject locks. With {@code shots} null, the shots are found in
     * the analysis's own decoding pass.
     */
    public Result reframe(Path file, MediaInfo info, List<Shot> shots, AspectRatio aspect, MotionStyle style,
                          SignalWeights weights, List<Pin> pins, List<SubjectLock> locks, JobContext ctx)
            throws ProbeException, ModelException {
        return reframe(file, info, shots, aspect, style, weights, pins, locks, Widening.NONE, ctx);
    }

    /** As above, with the window allowed to widen where the subjects need it. */
    public Result reframe(Path file, MediaInfo info, List<Shot> shots, AspectRatio aspect, MotionStyle style,
                          SignalWeights weights, List<Pin> pins, List<SubjectLock> locks, Widening widening, JobContext ctx)
            throws ProbeException, ModelException {
        requireVideo(info);
        SignalAnalyzer.Analysis analysis = new SignalAnalyzer(models, weights).analyse(file, info, shots, ctx);
        return plan(info, shots == null ? analysis.shots() : shots, aspect, style, weights, pins, locks, analysis.signals(),
                widening);
    }

    static void requireVideo(MediaInfo info) throws ProbeException {
        if (info.kind() != MediaKind.VIDEO || info.displayWidth() == null) {
            throw new ProbeException((info.kind() == MediaKind.IMAGE ? "This is a still image" : "This is audio")
                    + ", not a video: only videos can be reframed.");
        }
    }

    /** The planning half, from signals already analysed (in the media worker, for catalog clips). */
    public static Result plan(MediaInfo info, List<Shot> shots, AspectRatio aspect, MotionStyle style, SignalWeights weights,
                              List<Pin> pins, List<SubjectLock> locks, List<FrameSignals> signals) {
        return plan(info, shots, aspect, style, weights, pins, locks, signals, Widening.NONE);
    }

    /** As above, with the window allowed to widen where the subjects need it. */
    public static Result plan(MediaInfo info, List<Shot> shots, AspectRatio aspect, MotionStyle style, SignalWeights weights,
                              List<Pin> pins, List<SubjectLock> locks, List<FrameSignals> signals, Widening widening) {
        CameraPlanner.Plan plan = CameraPlanner.plan(info.displayWidth(), info.displayHeight(), aspect, shots, signals, style,
                pins, locks, widening);
        return new Result(plan, signals, aspect, style, weights);
    }

    public static String locksJson(List<SubjectLock> locks) {
        return write(locks);
    }

    public static List<SubjectLock> locksFromJson(String json) {
        try {
            return Arrays.asList(MAPPER.readValue(json, SubjectLock[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The stored subject locks are not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads what {@link Result#signalsJson()} wrote. */
    public static List<FrameSignals> signalsFromJson(String json) {
        try {
            List<FrameSignals> out = new ArrayList<>();
            for (JsonNode frame : MAPPER.readTree(json)) {
                List<Subject> subjects = new ArrayList<>();
                for (JsonNode s : frame.get("subjects")) {
                    subjects.add(new Subject(Subject.Kind.valueOf(s.get(0).asText().toUpperCase(Locale.ROOT)),
                            s.get(1).asDouble(), s.get(2).asDouble(), s.get(3).asDouble(), s.get(4).asDouble(), s.get(5).asDouble(),
                            s.size() > 6 ? s.get(6).asText() : null));
                }
                out.add(new FrameSignals(frame.get("t").asDouble(), subjects, frame.path("tracked").asBoolean(false)));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The stored reframing signals are not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** [kind, x, y, w, h, importance] and, for what a detector named, the name. */
    private static List<Object> subjectJson(Subject s) {
        List<Object> out = new ArrayList<>(List.of(s.kind().name().toLowerCase(Locale.ROOT), round(s.x()), round(s.y()),
                round(s.w()), round(s.h()), round(s.importance())));
        if (s.label() != null) out.add(s.label());
        return out;
    }

    public static String shotsJson(List<ShotPlan> shots) {
        return write(shots);
    }

    public static String pinsJson(List<Pin> pins) {
        return write(pins);
    }

    public static List<Pin> pinsFromJson(String json) {
        try {
            return Arrays.asList(MAPPER.readValue(json, Pin[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The stored reframing pins are not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
