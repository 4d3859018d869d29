package io.cutroom.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.media.Ffmpeg;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Cutroom's R128 meter agrees with FFmpeg's ebur128 filter on real music and speech. */
class LoudnessMeterTest {

    @ParameterizedTest
    @ValueSource(strings = {"audio/guit_em9.flac", "audio/mp3_sample.mp3", "audio/alsa_Front_Center_speech.wav",
            "video/chaplin.mp4"})
    void integratedLoudnessMatchesFfmpegEbur128(String file) throws Exception {
        Path path = TestMedia.file(file);
        Loudness ours = new LoudnessScanner().measure(path);
        double[] theirs = ffmpegEbur128(path);
        assertThat(ours.integratedLufs()).as("integrated loudness of " + file).isCloseTo(theirs[0], within(0.2));
        assertThat(ours.truePeakDbtp()).as("true peak of " + file).isCloseTo(theirs[1], within(0.5));
    }

    @Test
    void aFullScaleSineAtOneKilohertzReadsAsTheStandardSays() {
        // BS.1770: a 0 dBFS 997 Hz sine in one channel reads -3.01 LKFS.
        int rate = 48_000;
        LoudnessMeter meter = new LoudnessMeter(rate, 1);
        float[] samples = new float[rate * 5];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) Math.sin(2 * Math.PI * 997 * i / rate);
        }
        meter.add(samples, 0, samples.length);
        Loudness result = meter.result();
        assertThat(result.integratedLufs()).isCloseTo(-3.01, within(0.05));
        assertThat(result.truePeakDbtp()).isCloseTo(0.0, within(0.1));
    }

    @Test
    void gainForATargetRespectsTheTruePeakCeiling() {
        Loudness quietButPeaky = new Loudness(-30, -3);
        assertThat(quietButPeaky.gainDbFor(-14, -1)).isEqualTo(2.0);
        assertThat(new Loudness(-30, -20).gainDbFor(-14, -1)).isEqualTo(16.0);
        assertThat(new Loudness(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY).gainDbFor(-14, -1)).isZero();
    }

    /** Integrated loudness and true peak from the summary FFmpeg's ebur128 filter prints. */
    static double[] ffmpegEbur128(Path file) throws Exception {
        Process p = new ProcessBuilder(Ffmpeg.ffmpegExecutable(), "-nostats", "-hide_banner", "-i", file.toString(),
                "-vn", "-af", "ebur128=peak=true", "-f", "null", "-").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        String summary = log.substring(log.lastIndexOf("Summary:"));
        Matcher integrated = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS").matcher(summary);
        Matcher peak = Pattern.compile("Peak:\\s+(-?[0-9.]+|-inf) dBFS").matcher(summary);
        assertThat(integrated.find() && peak.find()).as(summary).isTrue();
        return new double[] {Double.parseDouble(integrated.group(1)), Double.parseDouble(peak.group(1))};
    }
}
