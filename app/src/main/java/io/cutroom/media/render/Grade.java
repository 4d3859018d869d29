package io.cutroom.media.render;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A colour grade, applied in this order to each pixel's R, G and B (values 0..1, display-encoded):
 * <ol>
 * <li>to linear light ({@code v^2.2}); multiply by the white-balance gains and by {@code 2^exposure};
 *     back to display encoding ({@code ^(1/2.2)});</li>
 * <li>contrast around middle grey: {@code (v - 0.5) * contrast + 0.5}, clipped to 0..1;</li>
 * <li>lift and gain: {@code v * gain + lift * (1 - v)}, clipped to 0..1 (lift moves black, gain moves white);</li>
 * <li>gamma: {@code v^(1/gamma)} (above 1 brightens the mid-tones);</li>
 * <li>saturation: a blend between the Rec.709 luma and the colour ({@code 0} is monochrome, {@code 1} unchanged);</li>
 * <li>the 3D LUT, if any.</li>
 * </ol>
 * White balance is either RGB gains or temperature and tint (each -100..100; warm and magenta are positive),
 * or both, multiplied. Automatic correction adds {@code shots}: per-shot white-balance gains and exposure,
 * multiplied into step 1 for the frames of that shot, so a correction changes at a cut and never in between.
 * The same grade runs through FFmpeg filters in a render and through {@link GradePreview} on a still.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grade(double exposure, double contrast, double saturation, double temperature, double tint,
                    List<Double> gains, double gamma, String lut, double lift, double gain, List<ShotCorrection> shots)
        implements Serializable {
    public static final Grade NEUTRAL = new Grade(0, 1, 1, 0, 0, List.of(1.0, 1.0, 1.0), 1, null, 0, 1, null);
    /** How far the temperature and tint sliders go at 100: a factor of 2^0.3 (about 1.23) on the channel. */
    static final double WHITE_BALANCE_STOPS = 0.3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonCreator
    public Grade(@JsonProperty("exposure") Double exposure, @JsonProperty("contrast") Double contrast,
                 @JsonProperty("saturation") Double saturation, @JsonProperty("temperature") Double temperature,
                 @JsonProperty("tint") Double tint, @JsonProperty("gains") List<Double> gains,
                 @JsonProperty("gamma") Double gamma, @JsonProperty("lut") String lut, @JsonProperty("lift") Double lift,
                 @JsonProperty("gain") Double gain, @JsonProperty("shots") List<ShotCorrection> shots) {
        this(or(exposure, 0), or(contrast, 1), or(saturation, 1), or(temperature, 0), or(tint, 0),
                gains == null ? List.of(1.0, 1.0, 1.0) : gains, or(gamma, 1), lut, or(lift, 0), or(gain, 1), shots);
    }

    /** A grade without lift, gain or per-shot corrections; null parts take their neutral values. */
    public Grade(Double exposure, Double contrast, Double saturation, Double temperature, Double tint, List<Double> gains,
                 Double gamma, String lut) {
        this(exposure, contrast, saturation, temperature, tint, gains, gamma, lut, null, null, null);
    }

    public Grade {
        gains = gains == null ? List.of(1.0, 1.0, 1.0) : gains;
        check(exposure >= -8 && exposure <= 8, "exposure must be between -8 and 8 EV, not " + exposure);
        check(contrast >= 0 && contrast <= 4, "contrast must be between 0 and 4, not " + contrast);
        check(saturation >= 0 && saturation <= 4, "saturation must be between 0 and 4, not " + saturation);
        check(Math.abs(temperature) <= 100, "temperature must be between -100 and 100, not " + temperature);
        check(Math.abs(tint) <= 100, "tint must be between -100 and 100, not " + tint);
        check(gamma >= 0.1 && gamma <= 10, "gamma must be between 0.1 and 10, not " + gamma);
        check(gains != null && gains.size() == 3 && gains.stream().allMatch(g -> g != null && g > 0 && g <= 16),
                "gains must be three positive numbers [r, g, b], not " + gains);
        check(lift >= -0.5 && lift <= 0.5, "lift must be between -0.5 and 0.5, not " + lift);
        check(gain >= 0.25 && gain <= 4, "gain must be between 0.25 and 4, not " + gain);
        gains = List.copyOf(gains);
        shots = shots == null || shots.isEmpty() ? null : List.copyOf(shots);
    }

    /** The grade for the frames at {@code timeSec}: this one with that shot's correction folded in. */
    public Grade at(double timeSec) {
        ShotCorrection shot = shotAt(timeSec);
        if (shot == null) {
            return shots == null ? this : withShots(null);
        }
        List<Double> combined = List.of(gains.get(0) * shot.gains().get(0), gains.get(1) * shot.gains().get(1),
                gains.get(2) * shot.gains().get(2));
        return new Grade(Math.max(-8, Math.min(8, exposure + shot.exposure())), contrast, saturation, temperature, tint,
                combined, gamma, lut, lift, gain, null);
    }

    /** The per-shot correction covering {@code timeSec}, or null; a shot covers [start, end). */
    public ShotCorrection shotAt(double timeSec) {
        if (shots == null) {
            return null;
        }
        ShotCorrection last = null;
        for (ShotCorrection s : shots) {
            if (timeSec >= s.startSec()) {
                last = s;
            }
        }
        return last;
    }

    public Grade withShots(List<ShotCorrection> corrections) {
        return new Grade(exposure, contrast, saturation, temperature, tint, gains, gamma, lut, lift, gain, corrections);
    }

    /** The manual settings of this grade with new white-balance gains and exposure (auto correction of a still). */
    public Grade withBalance(List<Double> newGains, double newExposure) {
        return new Grade(newExposure, contrast, saturation, temperature, tint, newGains, gamma, lut, lift, gain, shots);
    }

    /** The linear-light factor for channel 0 (R), 1 (G) or 2 (B): gains, temperature, tint and exposure together. */
    public double linearGain(int channel) {
        double stops = exposure;
        if (channel == 0) {
            stops += WHITE_BALANCE_STOPS * temperature / 100;
        } else if (channel == 2) {
            stops -= WHITE_BALANCE_STOPS * temperature / 100;
        } else {
            stops -= WHITE_BALANCE_STOPS * tint / 100;
        }
        return gains.get(channel) * Math.pow(2, stops);
    }

    /** Steps 1 to 3 for one channel: what the per-channel lookup table holds. */
    public double tone(int channel, double v) {
        double linear = Math.pow(v, 2.2) * linearGain(channel);
        double encoded = Math.pow(linear, 1 / 2.2);
        double contrasted = Math.max(0, Math.min(1, (encoded - 0.5) * contrast + 0.5));
        double lifted = Math.max(0, Math.min(1, contrasted * gain + lift * (1 - contrasted)));
        return Math.pow(lifted, 1 / gamma);
    }

    @JsonIgnore
    public boolean changesTone() {
        return contrast != 1 || gamma != 1 || exposure != 0 || temperature != 0 || tint != 0 || lift != 0 || gain != 1
                || gains.stream().anyMatch(g -> g != 1.0) || shots != null;
    }

    @JsonIgnore
    public boolean isNeutral() {
        return !changesTone() && saturation == 1 && lut == null;
    }

    public static Grade read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), Grade.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("The grade " + file.getFileName() + " cannot be used: " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IOException("The grade " + file.getFileName() + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads what {@link #toJson()} wrote. */
    public static Grade fromJson(String json) throws IOException {
        try {
            return JSON.readValue(json, Grade.class);
        } catch (JsonProcessingException e) {
            throw new IOException("The stored grade is not readable: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Grade withLut(String lutPath) {
        return new Grade(exposure, contrast, saturation, temperature, tint, gains, gamma, lutPath, lift, gain, shots);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem.substring(0, 1).toUpperCase(Locale.ROOT) + problem.substring(1) + ".");
        }
    }
}
