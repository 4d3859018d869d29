package io.cutroom.audio;

import java.util.Arrays;

/**
 * Integrated loudness and true peak after ITU-R BS.1770-4 and EBU R128: K-weighting (a high shelf and a
 * high pass, designed for the stream's sample rate), mean square over 400 ms blocks every 100 ms, an
 * absolute gate at -70 LUFS and a relative gate 10 LU below the ungated mean. Feed interleaved float samples.
 */
public final class LoudnessMeter {
    private static final double ABSOLUTE_GATE = -70;
    private static final double RELATIVE_GATE = -10;
    private static final int OVERSAMPLING = 4;
    private static final int TAPS_PER_SIDE = 12;

    private final int channels;
    private final double[] weights;
    private final Biquad[] shelf;
    private final Biquad[] highPass;
    private final int step; // samples per 100 ms
    private final double[] stepEnergy;
    private final double[][] recentSteps = new double[4][];
    private int stepFill;
    private int stepsSeen;
    private double[] blockPowers = new double[1024];
    private int blocks;
    private final TruePeak[] peaks;

    public LoudnessMeter(int sampleRate, int channels) {
        this.channels = channels;
        this.weights = channelWeights(channels);
        this.shelf = new Biquad[channels];
        this.highPass = new Biquad[channels];
        this.peaks = new TruePeak[channels];
        for (int c = 0; c < channels; c++) {
            shelf[c] = Biquad.shelf(sampleRate);
            highPass[c] = Biquad.highPass(sampleRate);
            peaks[c] = new TruePeak();
        }
        this.step = Math.max(1, sampleRate / 10);
        this.stepEnergy = new double[channels];
    }

    /** Surround channels count 1.41 times (+1.5 dB); the LFE of 5.1 is left out, as BS.1770 says. */
    private static double[] channelWeights(int channels) {
        double[] w = new double[channels];
        Arrays.fill(w, 1.0);
        if (channels == 6) {
            w[3] = 0;
            w[4] = 1.41;
            w[5] = 1.41;
        }
        return w;
    }

    /** Adds {@code frames} frames of interleaved samples from {@code samples}, starting at {@code offset}. */
    public void add(float[] samples, int offset, int frames) {
        for (int f = 0; f < frames; f++) {
            int base = offset + f * channels;
            for (int c = 0; c < channels; c++) {
                double x = samples[base + c];
                peaks[c].add(x);
                double y = highPass[c].filter(shelf[c].filter(x));
                stepEnergy[c] += y * y;
            }
            if (++stepFill == step) {
                closeStep();
            }
        }
    }

    private void closeStep() {
        double[] energy = stepEnergy.clone();
        Arrays.fill(stepEnergy, 0);
        stepFill = 0;
        recentSteps[stepsSeen % 4] = energy;
        stepsSeen++;
        if (stepsSeen >= 4) {
            double power = 0;
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (double[] s : recentSteps) {
                    sum += s[c];
                }
                power += weights[c] * sum / (4.0 * step);
            }
            if (blocks == blockPowers.length) {
                blockPowers = Arrays.copyOf(blockPowers, blocks * 2);
            }
            blockPowers[blocks++] = power;
        }
    }

    public Loudness result() {
        double absolute = Math.pow(10, (ABSOLUTE_GATE + 0.691) / 10);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < blocks; i++) {
            if (blockPowers[i] > absolute) {
                sum += blockPowers[i];
                n++;
            }
        }
        double integrated = Double.NEGATIVE_INFINITY;
        if (n > 0) {
            double relative = sum / n * Math.pow(10, RELATIVE_GATE / 10);
            double gatedSum = 0;
            int gated = 0;
            for (int i = 0; i < blocks; i++) {
                if (blockPowers[i] > absolute && blockPowers[i] > relative) {
                    gatedSum += blockPowers[i];
                    gated++;
                }
            }
            integrated = -0.691 + 10 * Math.log10(gatedSum / gated);
        }
        double peak = 0;
        for (TruePeak p : peaks) {
            peak = Math.max(peak, p.max);
        }
        return new Loudness(integrated, peak > 0 ? 20 * Math.log10(peak) : Double.NEGATIVE_INFINITY);
    }

    /** A second-order IIR section in direct form I. */
    private static final class Biquad {
        private final double b0, b1, b2, a1, a2;
        private double x1, x2, y1, y2;

        private Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b1 = b1;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        /** The head-related high shelf of K-weighting, about +4 dB above 1.7 kHz. */
        static Biquad shelf(int rate) {
            double f0 = 1681.974450955533;
            double gainDb = 3.999843853973347;
            double q = 0.7071752369554196;
            double k = Math.tan(Math.PI * f0 / rate);
            double vh = Math.pow(10, gainDb / 20);
            double vb = Math.pow(vh, 0.4996667741545416);
            double a0 = 1 + k / q + k * k;
            return new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                    2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        /** The RLB high pass of K-weighting, at about 38 Hz. */
        static Biquad highPass(int rate) {
            double f0 = 38.13547087602444;
            double q = 0.5003270373238773;
            double k = Math.tan(Math.PI * f0 / rate);
            double a0 = 1 + k / q + k * k;
            return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        double filter(double x) {
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }
    }

    /** The peak of the signal upsampled 4 times with a Hann-windowed sinc, which finds peaks between samples. */
    private static final class TruePeak {
        private static final double[][] PHASES = phases();
        private final double[] history = new double[2 * TAPS_PER_SIDE];
        private int position;
        double max;

        private static double[][] phases() {
            double[][] phases = new double[OVERSAMPLING][2 * TAPS_PER_SIDE];
            for (int p = 0; p < OVERSAMPLING; p++) {
                double frac = p / (double) OVERSAMPLING;
                for (int t = 0; t < 2 * TAPS_PER_SIDE; t++) {
                    double x = t - TAPS_PER_SIDE + 1 - frac;
                    double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                    double window = 0.5 + 0.5 * Math.cos(Math.PI * x / TAPS_PER_SIDE);
                    phases[p][t] = sinc * window;
                }
            }
            return phases;
        }

        void add(double sample) {
            history[position] = sample;
            position = (position + 1) % history.length;
            max = Math.max(max, Math.abs(sample));
            for (int p = 1; p < OVERSAMPLING; p++) {
                double sum = 0;
                for (int t = 0; t < history.length; t++) {
                    sum += PHASES[p][t] * history[(position + t) % history.length];
                }
                max = Math.max(max, Math.abs(sum));
            }
        }
    }
}
